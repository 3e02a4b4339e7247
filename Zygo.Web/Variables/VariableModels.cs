using Zygo.Data.Entities;

namespace Zygo.Web.Variables;

/// <summary>What anyone may see of a variable: never its value.</summary>
public sealed record VariableSummary(
    Guid Id,
    string Name,
    string? Service,
    VariableScope Scope,
    string? Description,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>How the value is shown once saved.</summary>
    public const string Mask = "••••••••";

    public string Reference => "{{" + Name + "}}";
}

public sealed record VariableInput(string Name, string? Value, string? Service = null,
    VariableScope Scope = VariableScope.Workspace, string? Description = null);
