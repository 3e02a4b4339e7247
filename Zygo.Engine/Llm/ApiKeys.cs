using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Engine.Execution;
using Zygo.Engine.Nodes.Ai;
using Zygo.Engine.Nodes.Operations;
using Zygo.Engine.Templating;

namespace Zygo.Engine.Llm;

/// <summary>
/// The API key of a node, by the spec's dual-mode credential rules: the variable named by <c>apiKeyVariableId</c>
/// (its id or its name) when set, else the <c>apiKey</c> field (typed in, or a <c>{{NAME}}</c> reference resolved
/// with the run's variables). Every use of a stored variable is written to the audit log; the key itself never is.
/// </summary>
internal static class ApiKeys
{
    public const string AuditAction = "variable.used";

    public static async Task<string?> ResolveAsync(NodeContext context, ApiCredential credential, string keyField,
        CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(credential.ApiKeyVariableId))
        {
            return await FromVariableAsync(context, credential.ApiKeyVariableId.Trim(), ct);
        }

        if (string.IsNullOrWhiteSpace(credential.ApiKey))
        {
            return null;
        }

        var raw = RawField(context.Node.Config, keyField) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (raw is not null && TemplateResolver.HasReferences(raw))
        {
            await AuditAsync(context, TemplateResolver.References(raw).Select(r => (Id: (Guid?)null, Name: r)), ct);
        }

        return credential.ApiKey;
    }

    /// <summary>The config's field as written (before templates), by a dotted path such as <c>embedding.apiKey</c>.</summary>
    private static JsonNode? RawField(JsonObject config, string path) =>
        path.Split('.').Aggregate((JsonNode?)config, (node, name) => node is JsonObject obj ? obj[name] : null);

    private static async Task<string> FromVariableAsync(NodeContext context, string reference, CancellationToken ct)
    {
        var id = Guid.TryParse(reference, out var parsed) ? parsed : (Guid?)null;
        var variable = await OperationsDatabase.UseAsync(context, db =>
            db.EnvironmentVariables.IgnoreQueryFilters().AsNoTracking()
                .Where(v => v.TenantId == context.Execution.TenantId && (id == null ? v.Name == reference : v.Id == id))
                .Select(v => new { v.Id, v.Name, v.EncryptedValue }).FirstOrDefaultAsync(ct));
        if (variable is null)
        {
            throw new NodeFailedException(
                $"The variable holding the API key of '{context.Node.DisplayName}' does not exist; choose another in its settings.");
        }

        var secrets = context.Services.GetRequiredService<ISecretProtector>();
        await AuditAsync(context, [(variable.Id, variable.Name)], ct);
        return secrets.Unprotect(variable.EncryptedValue);
    }

    private static async Task AuditAsync(NodeContext context, IEnumerable<(Guid? Id, string Name)> variables, CancellationToken ct)
    {
        using var scope = context.Services.CreateScope();
        if (scope.ServiceProvider.GetService<ISystemDbContextFactory>() is not { } factory)
        {
            return; // A host without the database (engine tests, benchmarks) has no audit log to write.
        }

        await using var db = factory.CreateDbContext();
        foreach (var (id, name) in variables)
        {
            db.AuditLog.Add(new AuditLogEntry
            {
                TenantId = context.Execution.TenantId,
                Action = AuditAction,
                TargetType = "variable",
                TargetId = id?.ToString() ?? name,
                Details = new JsonObject
                {
                    ["name"] = name,
                    ["workflowId"] = context.Execution.WorkflowId.ToString(),
                    ["executionId"] = context.Execution.ExecutionId.ToString(),
                    ["nodeId"] = context.Node.Id,
                    ["purpose"] = "model API key",
                }.ToJsonString(),
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
