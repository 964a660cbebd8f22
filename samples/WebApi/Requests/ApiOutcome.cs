namespace WebApi.Requests;

/// <summary>
/// What a request handler decided, before HTTP: a value for a 200, or a problem for a 400 (its detail
/// and extra members such as the diagnostics). Handlers return this rather than ASP.NET results so
/// that they are plain functions the tests call without a server.
/// </summary>
public sealed class ApiOutcome<T>
    where T : class
{
    private ApiOutcome(T? value, string? problem, IReadOnlyDictionary<string, object?> extensions)
    {
        Value = value;
        Problem = problem;
        Extensions = extensions;
    }

    public T? Value { get; }

    /// <summary>Why the request was refused; null on success.</summary>
    public string? Problem { get; }

    /// <summary>Extra members of the problem details (diagnostics, the tags read, …).</summary>
    public IReadOnlyDictionary<string, object?> Extensions { get; }

    internal static ApiOutcome<T> Create(T? value, string? problem, IReadOnlyDictionary<string, object?> extensions) => new(value, problem, extensions);
}

/// <summary>Creates <see cref="ApiOutcome{T}"/> values.</summary>
public static class ApiOutcome
{
    public static ApiOutcome<T> Ok<T>(T value)
        where T : class => ApiOutcome<T>.Create(value, null, new Dictionary<string, object?>());

    public static ApiOutcome<T> BadRequest<T>(string problem, Dictionary<string, object?>? extensions = null)
        where T : class => ApiOutcome<T>.Create(null, problem, extensions ?? []);
}
