using AgencyReport.Input;

namespace AgencyReport;

/// <summary>
/// Draws one progress line on the console, rewritten in place. It reports synchronously on the
/// caller's thread: <see cref="Progress{T}"/> would post each report to the thread pool, where
/// lines can arrive late and out of order. When the output is redirected (CI, a log file) it
/// writes nothing until <see cref="Complete"/>, so logs get one line instead of hundreds.
/// </summary>
internal sealed class ConsoleProgress(string label, bool enabled) : IProgress<ReadProgress>
{
    private readonly bool _live = enabled && !Console.IsOutputRedirected;
    private int _lastPercent = -1;

    public void Report(ReadProgress value)
    {
        if (!_live)
        {
            return;
        }

        int percent = (int)(value.Fraction * 100);
        if (percent == _lastPercent)
        {
            return;
        }

        _lastPercent = percent;
        const int Width = 30;
        int filled = percent * Width / 100;
        Console.Write($"\r  {label} [{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}%  {value.Records:N0} events, {value.Skipped:N0} skipped ");
    }

    public void Complete(ReadProgress final, TimeSpan elapsed)
    {
        if (_live)
        {
            Console.Write('\r');
        }

        Console.WriteLine($"  {label}: {final.Records:N0} events in {elapsed.TotalSeconds:0.0} s, {final.Skipped:N0} bad line(s) skipped.{new string(' ', 20)}");
    }
}
