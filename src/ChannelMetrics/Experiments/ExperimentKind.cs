namespace ChannelMetrics.Experiments;

/// <summary>What an experiment changed on a network or campaign.</summary>
public enum ExperimentKind
{
    /// <summary>Content format: video, carousel, long post, live, stories.</summary>
    ContentFormat = 0,

    /// <summary>Posting time or frequency.</summary>
    PostingTime = 1,

    /// <summary>Tone or voice: educational, humorous, personal.</summary>
    Tone = 2,

    /// <summary>Audience or targeting.</summary>
    Audience = 3,

    /// <summary>Budget: more or less spend, boosted posts.</summary>
    Budget = 4,

    /// <summary>Anything else; say what in the description.</summary>
    Other = 5,
}
