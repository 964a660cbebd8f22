using System.Globalization;

namespace ChannelMetrics.Goals;

/// <summary>A goal's target: an absolute value per period (which for a rate metric is the rate) or a growth rate per period.</summary>
/// <remarks>Whether the value suits the metric (a rate is at most 1, a count is not negative) is checked by <see cref="Goal.Create"/>.</remarks>
public readonly record struct GoalTarget
{
    private GoalTarget(double value, GoalTargetForm form)
    {
        Value = value;
        Form = form;
    }

    /// <summary>Gets the target value: in the metric's unit for <see cref="GoalTargetForm.Absolute"/>, a relative change for <see cref="GoalTargetForm.GrowthPerPeriod"/>.</summary>
    public double Value { get; }

    /// <summary>Gets how <see cref="Value"/> reads.</summary>
    public GoalTargetForm Form { get; }

    /// <summary>Returns a target the metric should reach each period, in the metric's unit.</summary>
    /// <param name="value">A finite value, for example 1500 visits or 0.04 for a 4 % conversion rate.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public static GoalTarget Absolute(double value) => new(Finite(value), GoalTargetForm.Absolute);

    /// <summary>Returns a target relative change per period, for example 0.05 for +5 % a period.</summary>
    /// <param name="rate">A finite rate, −1 or more.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is NaN, infinite or below −1.</exception>
    public static GoalTarget GrowthPerPeriod(double rate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Finite(rate), -1.0);
        return new(rate, GoalTargetForm.GrowthPerPeriod);
    }

    /// <summary>Returns the target as text, for example "1500" or "+5 %/period".</summary>
    /// <returns>The invariant text form.</returns>
    public override string ToString() => Form == GoalTargetForm.Absolute
        ? Value.ToString("R", CultureInfo.InvariantCulture)
        : Value.ToString("+0.##%;-0.##%;0%", CultureInfo.InvariantCulture)[..^1] + " %/period"; // "%" scales without overflowing, as Value * 100 could

    private static double Finite(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A goal target must be a finite number.");
        }

        return value;
    }
}
