using AgencyReport.Input;

namespace ChannelMetrics.Tests.Samples;

public sealed class CsvLineTests
{
    [TestCase("a,b,c", new[] { "a", "b", "c" })]
    [TestCase("a,,c", new[] { "a", "", "c" })]
    [TestCase("a,b,", new[] { "a", "b", "" })]
    [TestCase(",", new[] { "", "" })]
    [TestCase("\"x,y\",z", new[] { "x,y", "z" })]
    [TestCase("a,\"say \"\"hi\"\"\"", new[] { "a", "say \"hi\"" })]
    [TestCase("a,\"\"", new[] { "a", "" })]
    [TestCase("ab\"c,d", new[] { "ab\"c", "d" })]
    public void Split_WellFormedLine_ReturnsFields(string line, string[] expected)
    {
        var fields = new List<string>();

        string? problem = CsvLine.Split(line, fields);

        Assert.That(problem, Is.Null);
        Assert.That(fields, Is.EqualTo(expected));
    }

    [TestCase("a,\"unterminated", "never closed")]
    [TestCase("\"x\"y,z", "after the closing quote")]
    public void Split_MalformedLine_SaysWhy(string line, string expected)
    {
        var fields = new List<string>();

        string? problem = CsvLine.Split(line, fields);

        Assert.That(problem, Does.Contain(expected));
    }
}
