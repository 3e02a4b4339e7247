using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Data;
using Zygo.Data.Security;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Execution.Service;

/// <summary>Decrypts the tenant variables a run refers to, as <c>{{env.X}}</c> or <c>{{X}}</c>, and no others.</summary>
public sealed class TenantVariables(ISecretProtector secrets)
{
    public Task<Dictionary<string, string>> LoadAsync(ZygoDbContext db, Guid tenantId, IEnumerable<JsonNode?> configs,
        CancellationToken ct) =>
        LoadAsync(db, tenantId, Referenced(configs), ct);

    /// <summary>Decrypts the named variables of the tenant (those it has).</summary>
    public async Task<Dictionary<string, string>> LoadAsync(ZygoDbContext db, Guid tenantId, IReadOnlySet<string> names,
        CancellationToken ct)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var rows = await db.EnvironmentVariables.IgnoreQueryFilters()
            .Where(v => v.TenantId == tenantId && names.Contains(v.Name))
            .Select(v => new { v.Name, v.EncryptedValue }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Name, r => secrets.Unprotect(r.EncryptedValue), StringComparer.Ordinal);
    }

    /// <summary>The variable names that <paramref name="configs"/> refer to.</summary>
    public static HashSet<string> Referenced(IEnumerable<JsonNode?> configs) =>
        configs.SelectMany(JsonStrings.All).SelectMany(TemplateResolver.References)
            .Select(TemplatePath.Split)
            .Where(s => s is not null)
            .Select(s => s![0] == "env" && s.Count == 2 ? s[1] : s.Count == 1 ? s[0] : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
