namespace ChannelMetrics.Decisions;

/// <summary>Configures and builds a <see cref="DecisionEngine"/>, checking every setting at once.</summary>
/// <remarks>Not thread-safe; the engine it builds is.</remarks>
public sealed class DecisionEngineBuilder
{
    /// <summary>Gets or sets the clock that gives "today" to the <c>Evaluate</c> overloads without an evaluation date.</summary>
    /// <value><see cref="TimeProvider.System"/>; its local date is used.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets the policy.</summary>
    /// <value><see cref="DecisionPolicy.Default"/>.</value>
    public DecisionPolicy Policy { get; set; } = DecisionPolicy.Default;

    /// <summary>Gets or sets how many networks one evaluation may judge at the same time.</summary>
    /// <value>
    /// 1: one network after the other, which suits servers that already run many requests at once. Set -1 (all cores) or
    /// a higher number for large portfolios evaluated in batch; the report is the same, byte for byte.
    /// </value>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>Builds the engine.</summary>
    /// <returns>An immutable, thread-safe engine.</returns>
    /// <exception cref="InvalidOperationException">A setting is invalid; the message lists every bad setting by name.</exception>
    public DecisionEngine Build()
    {
        var errors = new List<string>();
        if (TimeProvider is null)
        {
            errors.Add("TimeProvider: null is not allowed; expected a clock such as TimeProvider.System");
        }

        if (Policy is null)
        {
            errors.Add("Policy: null is not allowed; expected a policy such as DecisionPolicy.Default");
        }
        else
        {
            foreach (var error in Policy.Validate())
            {
                errors.Add("Policy." + error);
            }
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            errors.Add(FormattableString.Invariant($"MaxDegreeOfParallelism: {MaxDegreeOfParallelism} is not allowed; expected -1 (all cores) or 1 or more"));
        }

        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The decision engine cannot be built:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", errors));
        }

        return new DecisionEngine(Policy!, TimeProvider!, MaxDegreeOfParallelism);
    }
}
