namespace ChannelMetrics.Reporting;

/// <summary>The formats the report writers produce.</summary>
public enum ReportFormat
{
    /// <summary>JSON with a documented, versioned schema (camelCase, invariant numbers, UTF-8).</summary>
    Json = 0,

    /// <summary>Markdown for people: localized text, culture-formatted numbers, right-to-left aware.</summary>
    Markdown = 1,

    /// <summary>CSV (RFC 4180) with a header record, invariant numbers and CRLF record ends.</summary>
    Csv = 2,
}
