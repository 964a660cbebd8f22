namespace AgencyReport.Input;

/// <summary>A line of an input file that was skipped, and why.</summary>
internal sealed record InputProblem(string File, long Line, string Message)
{
    public override string ToString() => $"{File}, line {Line:N0}: {Message}";
}

/// <summary>How far a reader has got: lines read, and bytes of the file consumed (for a percentage).</summary>
internal readonly record struct ReadProgress(long Lines, long Records, long Skipped, long BytesRead, long TotalBytes)
{
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Min(1.0, (double)BytesRead / TotalBytes);
}
