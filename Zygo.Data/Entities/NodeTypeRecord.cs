namespace Zygo.Data.Entities;

/// <summary>A row of the global node type catalogue, kept in step with the engine's registry.</summary>
public class NodeTypeRecord
{
    public required string Id { get; set; }
    public required string Label { get; set; }
    public required string Description { get; set; }
    public required string Icon { get; set; }
    public required string Color { get; set; }
    public required string Category { get; set; }
    public string ConfigSchema { get; set; } = "{}";
    public string DefaultConfig { get; set; } = "{}";
    public bool IsActive { get; set; } = true;
    public bool IsBeta { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
