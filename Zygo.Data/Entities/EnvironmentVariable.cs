namespace Zygo.Data.Entities;

/// <summary>A named value usable as {{NAME}}; the value is stored encrypted and never returned after saving.</summary>
public class EnvironmentVariable : ITenantScoped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    public required string EncryptedValue { get; set; }

    /// <summary>Which service the value is for (openai, anthropic, smtp, …), used to filter credential pickers.</summary>
    public string? Service { get; set; }

    public VariableScope Scope { get; set; } = VariableScope.Workspace;
    public string? Description { get; set; }
    public Guid CreatedByUserId { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
}
