namespace ChannelMetrics.Experiments;

/// <summary>
/// The JSON given to <see cref="ExperimentLog.FromJson(string)"/> is not a valid experiment log. The message starts
/// with the JSON path at fault (for example <c>$.experiments[1].end</c>) and says what was expected.
/// </summary>
public sealed class ExperimentLogFormatException : FormatException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public ExperimentLogFormatException()
        : this("The experiment log JSON is invalid.")
    {
    }

    /// <summary>Initializes a new instance with a message and the root path <c>$</c>.</summary>
    /// <param name="message">What is wrong.</param>
    public ExperimentLogFormatException(string message)
        : base(message)
    {
        JsonPath = "$";
    }

    /// <summary>Initializes a new instance with a message, the root path <c>$</c> and the underlying error.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public ExperimentLogFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        JsonPath = "$";
    }

    /// <summary>Initializes a new instance for an error at <paramref name="jsonPath"/>.</summary>
    /// <param name="jsonPath">The JSON path at fault, for example <c>$.experiments[1].end</c>.</param>
    /// <param name="expected">What is wrong and what was expected.</param>
    /// <param name="innerException">The error that caused this one, or <see langword="null"/>.</param>
    public ExperimentLogFormatException(string jsonPath, string expected, Exception? innerException)
        : base($"{jsonPath}: {expected}", innerException)
    {
        JsonPath = jsonPath;
    }

    /// <summary>Gets the JSON path at fault, for example <c>$.experiments[1].end</c>.</summary>
    public string JsonPath { get; }
}
