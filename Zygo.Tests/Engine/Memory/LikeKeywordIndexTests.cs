using Zygo.Engine.Memory;

namespace Zygo.Tests.Engine.Memory;

/// <summary>The LIKE search SQL Server and PostgreSQL use instead of FTS5, run here on the SQLite file.</summary>
public sealed class LikeKeywordIndexTests : MemoryFixture
{
    [Fact]
    public async Task Ranks_by_words_found_case_insensitively_within_the_tenant_and_the_current_versions()
    {
        await RememberAsync("car", "The customer's car is Red");
        await RememberAsync("bike", "A RED bike with a bell");
        await RememberAsync("old", "red bike, first draft");
        await RememberAsync("old", "nothing of interest", new System.Text.Json.Nodes.JsonObject { ["mergeStrategy"] = "version" });
        await RememberAsync("b:bike", "red bike of tenant B", tenant: TenantB);
        var ids = new Dictionary<string, Guid>
        {
            ["car"] = (await RowsAsync("car")).Single().Id,
            ["bike"] = (await RowsAsync("bike")).Single().Id,
        };

        await using var db = Db.CreateContext();
        var found = await MemoryKeywordIndex.LikeAsync(db, TenantA.TenantId, ["red", "bike"], CancellationToken.None);

        found.Should().Equal(ids["bike"], ids["car"]);
    }
}
