namespace ChannelMetrics.Funnel;

/// <summary>
/// The JSON given to <see cref="FunnelTable.FromJson(string)"/> is not a valid funnel table. The message starts
/// with the JSON path at fault (for example <c>$.rows[3].visits</c>) and says what was expected.
/// </summary>
public sealed class FunnelTableFormatException : FormatException
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public FunnelTableFormatException()
        : this("The funnel table JSON is invalid.")
    {
    }

    /// <summary>Initializes a new instance with a message and the root path <c>$</c>.</summary>
    /// <param name="message">What is wrong.</param>
    public FunnelTableFormatException(string message)
        : base(message)
    {
        JsonPath = "$";
    }

    /// <summary>Initializes a new instance with a message, the root path <c>$</c> and the underlying error.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The error that caused this one.</param>
    public FunnelTableFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        JsonPath = "$";
    }

    /// <summary>Initializes a new instance for an error at <paramref name="jsonPath"/>.</summary>
    /// <param name="jsonPath">The JSON path at fault, for example <c>$.rows[3].visits</c>.</param>
    /// <param name="expected">What is wrong and what was expected.</param>
    /// <param name="innerException">The error that caused this one, or <see langword="null"/>.</param>
    public FunnelTableFormatException(string jsonPath, string expected, Exception? innerException)
        : base($"{jsonPath}: {expected}", innerException)
    {
        JsonPath = jsonPath;
    }

    /// <summary>Gets the JSON path at fault, for example <c>$.rows[3].visits</c>.</summary>
    public string JsonPath { get; }
}
