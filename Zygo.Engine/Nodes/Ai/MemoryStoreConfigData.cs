using System.Text.Json.Serialization;

namespace Zygo.Engine.Nodes.Ai;

/// <summary>Config of the Memory Store node (spec: MemoryStoreConfigData).</summary>
public sealed record MemoryStoreConfigData
{
    public MemoryType MemoryType { get; init; } = MemoryType.Semantic;

    /// <summary>Unique key the memory is found again by, e.g. <c>customer:{{input.customerId}}</c>.</summary>
    public string MemoryKey { get; init; } = "";

    /// <summary>What to remember; an agent passes it as the <c>content</c> argument.</summary>
    public string Content { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>Comma-separated tags.</summary>
    public string Tags { get; init; } = "";

    public string Summary { get; init; } = "";

    public MemorySensitivity Sensitivity { get; init; } = MemorySensitivity.Internal;

    /// <summary>Detect secrets (keys, passwords, tokens) in the content and store them redacted.</summary>
    public bool AutoRedactSecrets { get; init; } = true;

    public MemoryImportance Importance { get; init; } = MemoryImportance.Medium;

    /// <summary>How sure the memory is true, 0 to 1.</summary>
    public double Confidence { get; init; } = 1;

    public MemoryExpiry ExpiresIn { get; init; } = MemoryExpiry.Never;

    /// <summary>Days until the memory expires when <c>expiresIn</c> is <c>custom</c>.</summary>
    public int? CustomExpirationDays { get; init; }

    /// <summary>Time to live in seconds; overrides <c>expiresIn</c> when set.</summary>
    public int? Ttl { get; init; }

    /// <summary>What happens when a memory with the same key exists.</summary>
    public MemoryMergeStrategy MergeStrategy { get; init; } = MemoryMergeStrategy.Upsert;

    /// <summary>Comma-separated keys of related memories.</summary>
    public string RelatedMemoryKeys { get; init; } = "";

    public string ParentMemoryKey { get; init; } = "";

    /// <summary>Key of a memory this one supersedes.</summary>
    public string ReplacesMemoryKey { get; init; } = "";

    /// <summary>Relationship definitions as JSON.</summary>
    public string RelationshipLinks { get; init; } = "";

    /// <summary>Keep earlier versions when a memory is overwritten.</summary>
    public bool EnableVersioning { get; init; }

    public string? VersionNote { get; init; }

    /// <summary>Find people, organisations, products … in the content and link them to the memory.</summary>
    public bool AutoExtractEntities { get; init; }

    public EntityExtractionMethod ExtractionMethod { get; init; } = EntityExtractionMethod.Regex;

    /// <summary>
    /// Beyond the spec: the model <c>llm</c> extraction asks. Offline (the default) cannot extract, so extraction falls
    /// back to regex and says so.
    /// </summary>
    public ModelConnection ExtractionModel { get; init; } = new();

    /// <summary>Extra metadata as JSON.</summary>
    public string ContextMetadata { get; init; } = "";

    /// <summary>Where in the workflow the memory was made.</summary>
    public string WorkflowLocation { get; init; } = "";

    /// <summary>What the memory is based on.</summary>
    public string Evidence { get; init; } = "";

    /// <summary>When the remembered thing was observed (ISO 8601); empty means now.</summary>
    public string ObservedAt { get; init; } = "";

    public MemoryActorKind ActorKind { get; init; } = MemoryActorKind.Agent;

    /// <summary>Who made the memory (user id, agent name …).</summary>
    public string ActorId { get; init; } = "";

    /// <summary>
    /// Beyond the spec: the model that embeds the content for semantic search. Offline (the default) stores none;
    /// a later semantic search embeds what it finds unembedded.
    /// </summary>
    public ModelConnection Embedding { get; init; } = new();
}

public enum MemoryType
{
    /// <summary>General knowledge and facts about the world.</summary>
    Semantic,

    /// <summary>Events and conversations as they happened.</summary>
    Episodic,

    /// <summary>How to do things.</summary>
    Procedural,

    Factual,
}

public enum MemorySensitivity
{
    Public,
    Internal,
    Confidential,
    Secret,
}

public enum MemoryImportance
{
    Critical,
    High,
    Medium,
    Low,
    Trivial,
}

public enum MemoryExpiry
{
    Never,
    [JsonStringEnumMemberName("1h")] OneHour,
    [JsonStringEnumMemberName("1d")] OneDay,
    [JsonStringEnumMemberName("7d")] SevenDays,
    [JsonStringEnumMemberName("30d")] ThirtyDays,

    /// <summary>After <c>customExpirationDays</c>.</summary>
    Custom,
}

public enum MemoryMergeStrategy
{
    Upsert,
    Append,
    Replace,
    Version,
}

public enum EntityExtractionMethod
{
    Llm,
    Ner,
    Regex,
    Custom,
}

public enum MemoryActorKind
{
    User,
    Agent,
    System,
    External,
}
