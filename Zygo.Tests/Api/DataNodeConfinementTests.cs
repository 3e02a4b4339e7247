using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>
/// A Developer's Data Source node cannot open Zygo's own SQLite file, which holds every tenant's data; its databases
/// live in the data folder's <c>databases</c> folder.
/// </summary>
public sealed class DataNodeConfinementTests(DataNodeConfinementTests.Fixture fixture) : IClassFixture<DataNodeConfinementTests.Fixture>
{
    public sealed class Fixture : AppFixture
    {
        public HttpClient Developer { get; private set; } = null!;
        public Guid TenantId { get; private set; }

        public override async Task InitializeAsync()
        {
            TenantId = await App.CreateTenantAsync("Data confinement");
            Developer = Keep(await App.ClientForRoleAsync(TenantId, TenantRole.Developer));
        }
    }

    [Fact]
    public async Task Zygos_own_database_is_out_of_reach()
    {
        var result = await DryRunAsync($"Data Source={fixture.App.DatabaseFile}", "SELECT name FROM tenants");

        result["status"]!.GetValue<string>().Should().Be("failed");
        result["error"]!.GetValue<string>().Should().Contain("outside the folder");
        result.ToJsonString().Should().NotContain("Data confinement", "no tenant name may come back");
    }

    [Fact]
    public async Task A_database_by_name_lives_in_the_tenants_folder_under_databases_in_the_data_path()
    {
        var result = await DryRunAsync("Data Source=reports.db", "CREATE TABLE IF NOT EXISTS report (id INTEGER)", "execute");

        result["status"]!.GetValue<string>().Should().Be("completed", result.ToJsonString());
        Directory.GetFiles(Path.Combine(fixture.App.DataPath, "databases"), "reports.db", SearchOption.AllDirectories)
            .Should().ContainSingle().Which.Should().Be(Path.Combine(fixture.App.DataPath, "databases", fixture.TenantId.ToString("N"), "reports.db"));
    }

    [Fact]
    public async Task A_sqlite_folder_that_contains_the_data_folder_stops_the_app_at_start()
    {
        await using var app = new ZygoAppFactory(settings: new Dictionary<string, string?> { ["Zygo:Data:SqliteFolder"] = "/" });

        var start = () => app.CreateClient();

        start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("must not be Zygo's data folder");
    }

    private async Task<JsonNode> DryRunAsync(string connectionString, string sql, string operation = "query")
    {
        var config = new JsonObject { ["provider"] = "sqlite", ["connectionString"] = connectionString, ["operation"] = operation, ["sql"] = sql };
        var response = await fixture.Developer.PostAsync("/api/v1/nodes/data/test", RawJson(new JsonObject { ["config"] = config }.ToJsonString()));
        var body = await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        return JsonNode.Parse(body.GetRawText())!;
    }
}
