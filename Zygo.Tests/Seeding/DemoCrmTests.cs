using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Engine.Execution.Service;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Seeding;

namespace Zygo.Tests.Seeding;

/// <summary>The Webhook lead triage demo runs as seeded: its CRM variable and table exist, and its sample payload is a valid run.</summary>
public sealed class DemoCrmTests : AppTest
{
    [Fact]
    public async Task The_seeded_lead_triage_stores_the_qualified_lead_of_its_sample_payload_in_the_seeded_crm()
    {
        var tenant = await App.DemoTenantIdAsync();
        await using var db = App.CreateSystemContext();
        var workflow = await db.Workflows.IgnoreQueryFilters().SingleAsync(w => w.TenantId == tenant && w.Slug == "lead-triage");
        var variable = await db.EnvironmentVariables.IgnoreQueryFilters().SingleAsync(v => v.TenantId == tenant && v.Name == DemoCrm.VariableName);
        variable.EncryptedValue.Should().NotContain("crm.db", "the variable's value is stored encrypted like any other");
        var trigger = JsonNode.Parse(workflow.Nodes)!.AsArray().Single(n => n!["type"]!.GetValue<string>() == "trigger")!;
        var sample = JsonNode.Parse(trigger["config"]!["webhookConfig"]!["samplePayload"]!.GetValue<string>());

        var executor = App.Services.GetRequiredService<WorkflowExecutor>();
        var request = new ExecutionRequest(tenant, workflow.Id, sample, TriggerSource.Webhook, workflow.CreatedByUserId);
        var start = await executor.CreateAsync(request, queued: false, CancellationToken.None);
        var result = await executor.RunAsync(request, start, CancellationToken.None);

        result.Status.Should().Be(ExecutionStatus.Completed, result.Error?.Message);
        var crm = Path.Combine(App.DataPath, "databases", tenant.ToString("N"), "crm.db");
        await using var connection = new SqliteConnection($"Data Source={crm};Pooling=False");
        await connection.OpenAsync();
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT email FROM leads";
        (await select.ExecuteScalarAsync()).Should().Be("ada@example.com", "the lead without an email was filtered out");
    }
}
