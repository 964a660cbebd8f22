using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChannelMetrics;

/// <summary>
/// A reporting period: a day, an ISO week, a calendar month or a quarter, identified by its first day.
/// </summary>
/// <remarks>
/// A period is a calendar value with no time zone: the time zone is applied once, when an instant is
/// bucketed with <see cref="Containing(DateTimeOffset, PeriodGranularity, TimeZoneInfo)"/>, so that an
/// event at 23:30 UTC on 31 January lands in February for a team reporting in UTC+2.
/// Periods of the same granularity are ordered by their start; ordering periods of different
/// granularities compares the start, then the granularity.
/// <para>The text form is <c>2026-03-15</c> (day), <c>2026-W05</c> (ISO week), <c>2026-03</c> (month)
/// and <c>2026-Q1</c> (quarter); <see cref="TryParse(ReadOnlySpan{char}, out Period)"/> reads it back.</para>
/// </remarks>
public readonly struct Period : IEquatable<Period>, IComparable<Period>, IComparable, ISpanFormattable
{
    private Period(PeriodGranularity granularity, DateOnly start)
    {
        Granularity = granularity;
        Start = start;
    }

    /// <summary>Gets the length of this period.</summary>
    public PeriodGranularity Granularity { get; }

    /// <summary>Gets the first day of this period.</summary>
    public DateOnly Start { get; }

    /// <summary>Gets the first day after this period (exclusive end).</summary>
    /// <exception cref="ArgumentOutOfRangeException">This is the calendar's last day, week, month or quarter: the day after it is past 9999-12-31.</exception>
    public DateOnly End => DateOnly.FromDayNumber(EndDayNumber);

    /// <summary>
    /// Gets the last day of this period (inclusive end). Unlike <see cref="End"/> it never throws: for the ISO week
    /// 9999-W52, which runs past the calendar's last day, it is 9999-12-31.
    /// </summary>
    public DateOnly LastDay => DateOnly.FromDayNumber(Math.Min(EndDayNumber - 1, DateOnly.MaxValue.DayNumber));

    /// <summary>Gets the number of days in this period.</summary>
    public int Days => EndDayNumber - Start.DayNumber;

    // The day number after the period, computed rather than taken from the next period, which does not exist for
    // the periods holding 9999-12-31: their Days and Contains must still answer.
    private int EndDayNumber => Start.DayNumber + Granularity switch
    {
        PeriodGranularity.Day => 1,
        PeriodGranularity.Week => 7,
        PeriodGranularity.Month => DateTime.DaysInMonth(Start.Year, Start.Month),
        _ => DateTime.DaysInMonth(Start.Year, Start.Month) + DateTime.DaysInMonth(Start.Year, Start.Month + 1) + DateTime.DaysInMonth(Start.Year, Start.Month + 2),
    };

    /// <summary>Returns the day period of <paramref name="date"/>.</summary>
    /// <param name="date">The calendar date.</param>
    /// <returns>The period holding that one day.</returns>
    public static Period Day(DateOnly date) => new(PeriodGranularity.Day, date);

    /// <summary>Returns the calendar month <paramref name="month"/> of <paramref name="year"/>.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, 1 to 12.</param>
    /// <returns>The month period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public static Period Month(int year, int month) => new(PeriodGranularity.Month, new DateOnly(year, month, 1));

    /// <summary>Returns quarter <paramref name="quarter"/> of <paramref name="year"/>.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="quarter">The quarter, 1 to 4.</param>
    /// <returns>The quarter period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or quarter is out of range.</exception>
    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return new(PeriodGranularity.Quarter, new DateOnly(year, ((quarter - 1) * 3) + 1, 1));
    }

    /// <summary>Returns ISO week <paramref name="week"/> of ISO week-year <paramref name="isoYear"/>.</summary>
    /// <param name="isoYear">The ISO week-year (which can differ from the calendar year near 1 January).</param>
    /// <param name="week">The ISO week number, 1 to 52 or 53.</param>
    /// <returns>The week period, starting on a Monday.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The week does not exist in that ISO year.</exception>
    public static Period IsoWeek(int isoYear, int week)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(isoYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(isoYear, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(week, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(week, ISOWeek.GetWeeksInYear(isoYear));
        return new(PeriodGranularity.Week, DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday)));
    }

    /// <summary>Returns the period of the given granularity that holds <paramref name="date"/>.</summary>
    /// <param name="date">The calendar date.</param>
    /// <param name="granularity">The period length.</param>
    /// <returns>The period holding the date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="granularity"/> is not defined.</exception>
    public static Period Containing(DateOnly date, PeriodGranularity granularity) => granularity switch
    {
        PeriodGranularity.Day => new(granularity, date),
        PeriodGranularity.Week => new(granularity, date.AddDays(-(((int)date.DayOfWeek + 6) % 7))),
        PeriodGranularity.Month => new(granularity, new DateOnly(date.Year, date.Month, 1)),
        PeriodGranularity.Quarter => new(granularity, new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "Unknown period granularity."),
    };

    /// <summary>
    /// Returns the period of the given granularity that holds <paramref name="instant"/> as seen on the
    /// wall clock of <paramref name="timeZone"/>.
    /// </summary>
    /// <param name="instant">The moment to bucket.</param>
    /// <param name="granularity">The period length.</param>
    /// <param name="timeZone">The reporting time zone of the team.</param>
    /// <returns>The period holding the local date of the instant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is <see langword="null"/>.</exception>
    public static Period Containing(DateTimeOffset instant, PeriodGranularity granularity, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        return Containing(DateOnly.FromDateTime(local.DateTime), granularity);
    }

    /// <summary>Returns the period that follows this one.</summary>
    /// <returns>The next period of the same granularity.</returns>
    public Period Next() => Offset(1);

    /// <summary>Returns the period that precedes this one.</summary>
    /// <returns>The previous period of the same granularity.</returns>
    public Period Previous() => Offset(-1);

    /// <summary>Returns the period <paramref name="count"/> periods after (or before, when negative) this one.</summary>
    /// <param name="count">How many periods to move.</param>
    /// <returns>The shifted period of the same granularity.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result falls outside years 1 to 9999.</exception>
    public Period Offset(int count) => Granularity switch
    {
        PeriodGranularity.Day => new(Granularity, Start.AddDays(count)),
        PeriodGranularity.Week => new(Granularity, Start.AddDays(Times(count, 7))),
        PeriodGranularity.Month => new(Granularity, Start.AddMonths(count)),
        _ => new(Granularity, Start.AddMonths(Times(count, 3))),
    };

    // count × factor without wrapping around: a wrapped product would land on a valid but wrong date.
    private static int Times(int count, int factor) => (long)count * factor is var product and >= int.MinValue and <= int.MaxValue
        ? (int)product
        : throw new ArgumentOutOfRangeException(nameof(count), count, "The result falls outside years 1 to 9999.");

    /// <summary>
    /// Returns how many periods lie between this period and <paramref name="later"/>: 0 for the same
    /// period, 1 for the next one, negative when <paramref name="later"/> comes first.
    /// </summary>
    /// <param name="later">A period of the same granularity.</param>
    /// <returns>The signed distance in periods.</returns>
    /// <exception cref="ArgumentException">The granularities differ.</exception>
    public int PeriodsUntil(Period later)
    {
        if (later.Granularity != Granularity)
        {
            throw new ArgumentException($"Cannot measure from a {Granularity} period to a {later.Granularity} period.", nameof(later));
        }

        return Granularity switch
        {
            PeriodGranularity.Day => later.Start.DayNumber - Start.DayNumber,
            PeriodGranularity.Week => (later.Start.DayNumber - Start.DayNumber) / 7,
            PeriodGranularity.Month => MonthIndex(later.Start) - MonthIndex(Start),
            _ => (MonthIndex(later.Start) - MonthIndex(Start)) / 3,
        };
    }

    /// <summary>Returns whether <paramref name="date"/> falls inside this period.</summary>
    /// <param name="date">The calendar date.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> ≤ date &lt; <see cref="End"/>.</returns>
    public bool Contains(DateOnly date) => date >= Start && date.DayNumber < EndDayNumber;

    /// <summary>Parses the text form (<c>2026-03-15</c>, <c>2026-W05</c>, <c>2026-03</c>, <c>2026-Q1</c>).</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="period">The period, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid period.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out Period period)
    {
        period = default;
        if (text.Length < 7 || text[4] != '-' || !TryDigits(text[..4], out int year) || year < 1)
        {
            return false;
        }

        var rest = text[5..];
        if (rest.Length == 2 && TryDigits(rest, out int month) && month is >= 1 and <= 12)
        {
            period = Month(year, month);
            return true;
        }

        if (rest.Length == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] is >= '1' and <= '4')
        {
            period = Quarter(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 3 && (rest[0] == 'W' || rest[0] == 'w') && TryDigits(rest[1..], out int week)
            && week >= 1 && week <= ISOWeek.GetWeeksInYear(year))
        {
            period = IsoWeek(year, week);
            return true;
        }

        if (rest.Length == 5 && rest[2] == '-' && TryDigits(rest[..2], out month) && TryDigits(rest[3..], out int day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            period = Day(new DateOnly(year, month, day));
            return true;
        }

        return false;
    }

    /// <summary>Parses the text form, throwing when it is not valid.</summary>
    /// <param name="text">The text to read.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static Period Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var period)
            ? period
            : throw new FormatException($"'{text}' is not a period; expected 2026-03-15, 2026-W05, 2026-03 or 2026-Q1.");
    }

    /// <inheritdoc />
    public bool Equals(Period other) => Granularity == other.Granularity && Start == other.Start;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Period other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Granularity, Start);

    /// <inheritdoc />
    public int CompareTo(Period other)
    {
        int byStart = Start.CompareTo(other.Start);
        // Compare the enum as an int: Enum.CompareTo(object) would box on every sort comparison.
        return byStart != 0 ? byStart : ((int)Granularity).CompareTo((int)other.Granularity);
    }

    /// <inheritdoc />
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Period other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a Period.", nameof(obj)),
    };

    /// <summary>Returns the text form, for example <c>2026-03</c> or <c>2026-W05</c>.</summary>
    /// <returns>The period as text.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[10];
        return TryFormat(buffer, out int written, format, formatProvider) ? new string(buffer[..written]) : string.Empty;
    }

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        // The text form is an identifier, not prose: it never follows the culture.
        var invariant = CultureInfo.InvariantCulture;
        return Granularity switch
        {
            PeriodGranularity.Day => destination.TryWrite(invariant, $"{Start.Year:D4}-{Start.Month:D2}-{Start.Day:D2}", out charsWritten),
            PeriodGranularity.Week => destination.TryWrite(invariant, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):D2}", out charsWritten),
            PeriodGranularity.Month => destination.TryWrite(invariant, $"{Start.Year:D4}-{Start.Month:D2}", out charsWritten),
            _ => destination.TryWrite(invariant, $"{Start.Year:D4}-Q{((Start.Month - 1) / 3) + 1}", out charsWritten),
        };
    }

    /// <summary>Returns whether two periods are equal.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when both have the same granularity and start.</returns>
    public static bool operator ==(Period left, Period right) => left.Equals(right);

    /// <summary>Returns whether two periods differ.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when granularity or start differ.</returns>
    public static bool operator !=(Period left, Period right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> comes before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> comes after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;

    private static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !text.IsEmpty;
    }
}
