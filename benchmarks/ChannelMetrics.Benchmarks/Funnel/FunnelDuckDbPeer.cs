using DuckDB.NET.Data;

namespace ChannelMetrics.Benchmarks.Funnel;

/// <summary>The DuckDB peer: an in-memory database loaded with the appender, then one query whose rows are read back.</summary>
/// <remarks>
/// Instants are stored as .NET UTC ticks (<c>BIGINT</c>), not as <c>TIMESTAMP</c>: DuckDB keeps microseconds, and
/// the order of a visit and a conversion within the same microsecond must be the aggregator's (tick) order.
/// The month is taken in SQL from the ticks, in UTC whatever the session's time zone.
/// </remarks>
internal static class FunnelDuckDbPeer
{
    /// <summary>The <c>ticks</c> column as a UTC <c>TIMESTAMP</c> (microseconds since the Unix epoch).</summary>
    public const string Instant = "make_timestamp(ticks // 10 - 62135596800000000)";

    /// <summary>Creates and appends <c>events(ticks, stage, visitor, network, campaign)</c>, then runs <paramref name="sql"/>.</summary>
    /// <param name="raw">The events.</param>
    /// <param name="networks">The resolved network of each source.</param>
    /// <param name="sql">A query returning year, month, network, campaign, visits, leads, customers.</param>
    public static List<PeerRow> Rows(RawEvent[] raw, Dictionary<string, string> networks, string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE events (ticks BIGINT, stage TINYINT, visitor VARCHAR, network VARCHAR, campaign VARCHAR)";
            create.ExecuteNonQuery();
        }

        using (var appender = connection.CreateAppender("events"))
        {
            foreach (var e in raw)
            {
                var touch = PeerTouch.Of(e, networks);
                appender.CreateRow()
                    .AppendValue(e.Timestamp.UtcTicks)
                    .AppendValue((sbyte)e.Stage)
                    .AppendValue(string.IsNullOrEmpty(e.VisitorId) ? null : e.VisitorId)
                    .AppendValue(touch.Network)
                    .AppendValue(touch.Campaign)
                    .EndRow();
            }
        }

        using var query = connection.CreateCommand();
        query.CommandText = sql;
        using var reader = query.ExecuteReader();
        var rows = new List<PeerRow>();
        while (reader.Read())
        {
            rows.Add(new PeerRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
        }

        rows.Sort(PeerRow.Compare);
        return rows;
    }

    /// <summary>Each event counted for its own touch.</summary>
    public const string CountOnly = $"""
        SELECT year(t)::INTEGER AS year, month(t)::INTEGER AS month, network, campaign,
               count(*) FILTER (WHERE stage = 0) AS visits,
               count(*) FILTER (WHERE stage = 1) AS leads,
               count(*) FILTER (WHERE stage = 2) AS customers
        FROM (SELECT {Instant} AS t, stage, network, campaign FROM events)
        GROUP BY ALL
        """;

    /// <summary>
    /// Last non-direct touch: each lead and customer takes the touch of its visitor's last visit at or before it
    /// (<c>ASOF JOIN</c>), first among non-direct visits, then among all visits, else its own touch.
    /// </summary>
    /// <remarks>
    /// ASOF picks one of several visits at the same instant arbitrarily, so each visit set first keeps, per
    /// visitor and instant, the greatest touch (network, campaign; DuckDB compares text byte-wise, which is
    /// the aggregator's ordinal order for these values): that is the visit the aggregator counts as the later.
    /// The non-direct set is reduced after filtering, so a direct visit never hides a non-direct one.
    /// </remarks>
    public const string Attributed = $"""
        WITH visits AS (
            SELECT visitor, ticks, network, campaign FROM events WHERE stage = 0 AND visitor IS NOT NULL
        ),
        last_any AS (
            SELECT * FROM visits
            QUALIFY row_number() OVER (PARTITION BY visitor, ticks ORDER BY network DESC, campaign DESC) = 1
        ),
        last_non_direct AS (
            SELECT * FROM visits WHERE network <> '(direct)'
            QUALIFY row_number() OVER (PARTITION BY visitor, ticks ORDER BY network DESC, campaign DESC) = 1
        ),
        credited AS (
            SELECT ticks, stage, network, campaign FROM events WHERE stage = 0
            UNION ALL
            SELECT c.ticks, c.stage,
                   COALESCE(n.network, a.network, c.network) AS network,
                   COALESCE(n.campaign, a.campaign, c.campaign) AS campaign
            FROM (SELECT * FROM events WHERE stage <> 0) c
            ASOF LEFT JOIN last_non_direct n ON c.visitor = n.visitor AND c.ticks >= n.ticks
            ASOF LEFT JOIN last_any a ON c.visitor = a.visitor AND c.ticks >= a.ticks
        )
        SELECT year(t)::INTEGER AS year, month(t)::INTEGER AS month, network, campaign,
               count(*) FILTER (WHERE stage = 0) AS visits,
               count(*) FILTER (WHERE stage = 1) AS leads,
               count(*) FILTER (WHERE stage = 2) AS customers
        FROM (SELECT {Instant} AS t, stage, network, campaign FROM credited)
        GROUP BY ALL
        """;
}
