using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Web.Audit;
using Zygo.Web.Common;
using Zygo.Web.Security;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Variables;

/// <summary>
/// Environment variables and credentials. Values are encrypted before they reach the database and no method
/// here returns one: reading a value back is the engine's job at run time, through <see cref="ISecretProtector"/>.
/// </summary>
public sealed partial class VariableService(
    IDbContextFactory<ZygoDbContext> contexts, ICurrentUser user, ISecretProtector protector, AuditTrail audit, TimeProvider clock)
{
    public const int MaxValueLength = 64 * 1024;

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex NamePattern();

    public async Task<IReadOnlyList<VariableSummary>> ListAsync(string? service = null, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewVariables);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var q = db.EnvironmentVariables.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(service))
        {
            q = q.Where(v => v.Service == service);
        }

        return await q.OrderBy(v => v.Name).Select(v => ToSummary(v)).ToListAsync(ct);
    }

    public async Task<VariableSummary?> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.ViewVariables);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var variable = await db.EnvironmentVariables.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        return variable is null ? null : ToSummary(variable);
    }

    public async Task<VariableSummary> CreateAsync(VariableInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.ManageVariables);
        var name = RequireName(input.Name);
        var value = RequireValue(input.Value);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.EnvironmentVariables.AnyAsync(v => v.Name == name, ct))
        {
            throw new ConflictException($"A variable named {name} already exists.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var variable = new EnvironmentVariable
        {
            Name = name,
            EncryptedValue = protector.Protect(value),
            Service = Clean(input.Service),
            Scope = input.Scope,
            Description = Clean(input.Description),
            CreatedByUserId = user.RequireUserId(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.EnvironmentVariables.Add(variable);
        audit.Record(db, "variable.created", "variable", variable.Id, new { variable.Name, variable.Service });
        await SaveAsync(db, name, ct);
        return ToSummary(variable);
    }

    /// <summary>Changes a variable; a null or empty value keeps the stored one, since nobody can see it to retype it.</summary>
    public async Task<VariableSummary?> UpdateAsync(Guid id, VariableInput input, CancellationToken ct = default)
    {
        user.Demand(Permission.ManageVariables);
        var name = RequireName(input.Name);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var variable = await db.EnvironmentVariables.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (variable is null)
        {
            return null;
        }

        if (name != variable.Name && await db.EnvironmentVariables.AnyAsync(v => v.Name == name, ct))
        {
            throw new ConflictException($"A variable named {name} already exists.");
        }

        var valueChanged = !string.IsNullOrEmpty(input.Value);
        if (valueChanged)
        {
            variable.EncryptedValue = protector.Protect(RequireValue(input.Value));
        }

        variable.Name = name;
        variable.Service = Clean(input.Service);
        variable.Scope = input.Scope;
        variable.Description = Clean(input.Description);
        variable.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(db, "variable.updated", "variable", variable.Id, new { variable.Name, valueChanged });
        await SaveAsync(db, name, ct);
        return ToSummary(variable);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permission.ManageVariables);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var variable = await db.EnvironmentVariables.SingleOrDefaultAsync(v => v.Id == id, ct);
        if (variable is null)
        {
            return false;
        }

        db.EnvironmentVariables.Remove(variable);
        audit.Record(db, "variable.deleted", "variable", variable.Id, new { variable.Name });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task SaveAsync(ZygoDbContext db, string name, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            throw new ConflictException($"A variable named {name} already exists.");
        }
    }

    private static string RequireName(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (!NamePattern().IsMatch(trimmed))
        {
            throw new InputValidationException("name",
                "A variable name starts with a letter or underscore and holds only letters, digits and underscores (at most 128).");
        }

        return trimmed;
    }

    private static string RequireValue(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new InputValidationException("value", "A variable needs a value.");
        }

        if (value.Length > MaxValueLength)
        {
            throw new InputValidationException("value", $"The value is longer than {MaxValueLength} characters.");
        }

        return value;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static VariableSummary ToSummary(EnvironmentVariable v) =>
        new(v.Id, v.Name, v.Service, v.Scope, v.Description, v.CreatedAt, v.UpdatedAt);
}
