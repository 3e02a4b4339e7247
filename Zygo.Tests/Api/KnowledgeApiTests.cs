using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Zygo.Data.Entities;
using Zygo.Engine.Knowledge;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>/api/v1/knowledge/entities: search and paging, an entity with its neighbours, delete, permissions and tenancy.</summary>
public sealed class KnowledgeApiTests(KnowledgeApiTests.Fixture fixture) : IClassFixture<KnowledgeApiTests.Fixture>
{
    private const string Entities = "/api/v1/knowledge/entities";

    public sealed class Fixture() : AppFixture
    {
        public Guid TenantA { get; private set; }
        public HttpClient ViewerA { get; private set; } = null!;
        public HttpClient AdminA { get; private set; } = null!;
        public HttpClient OwnerB { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            TenantA = await App.CreateTenantAsync("Knowledge A");
            var tenantB = await App.CreateTenantAsync("Knowledge B");
            ViewerA = Keep(await App.ClientForRoleAsync(TenantA, TenantRole.Viewer));
            AdminA = Keep(await App.ClientForRoleAsync(TenantA, TenantRole.Admin));
            OwnerB = Keep(await App.ClientForRoleAsync(tenantB, TenantRole.Owner));
            await LinkAsync(tenantB, "Ada Lovelace", "knows", "Eve Spy");
        }

        /// <summary>Creates both entities (people) when missing and the relation between them, in a tenant.</summary>
        public async Task<(Guid From, Guid To)> LinkAsync(Guid tenant, string from, string relation, string to, string toType = "person")
        {
            await using var db = App.CreateSystemContext();
            var store = new KnowledgeStore(db, tenant);
            var a = (await store.UpsertAsync(new EntityDraft("person", from, new() { ["email"] = $"{from.Split(' ')[0].ToLowerInvariant()}@example.com" }), default)).Entity;
            var b = (await store.UpsertAsync(new EntityDraft(toType, to, []), default)).Entity;
            await store.RelateAsync(a, b, relation, 1, null, null, null, default);
            return (a.Id, b.Id);
        }
    }

    private static IEnumerable<string> NamesOf(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.Str("name"));

    [Fact]
    public async Task Entities_are_listed_by_search_type_and_page()
    {
        var suffix = UniqueSuffix();
        await fixture.LinkAsync(fixture.TenantA, $"Ada {suffix}", "works_for", $"Acme {suffix}", "organization");
        await fixture.LinkAsync(fixture.TenantA, $"Bob {suffix}", "works_for", $"Acme {suffix}", "organization");

        var all = await (await fixture.ViewerA.GetAsync($"{Entities}?search={suffix}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        NamesOf(all).Should().Equal($"Acme {suffix}", $"Ada {suffix}", $"Bob {suffix}");
        all.GetProperty("total").GetInt32().Should().Be(3);

        var people = await (await fixture.ViewerA.GetAsync($"{Entities}?search={suffix}&type=person&limit=1&offset=1")).ShouldBeJsonAsync(HttpStatusCode.OK);
        NamesOf(people).Should().Equal($"Bob {suffix}");
        people.GetProperty("total").GetInt32().Should().Be(2);
        people.GetProperty("items")[0].GetProperty("properties").GetProperty("email").GetString().Should().Be("bob@example.com");

        var fuzzy = await (await fixture.ViewerA.GetAsync($"{Entities}?search=Acne {suffix}&match=fuzzy")).ShouldBeJsonAsync(HttpStatusCode.OK);
        NamesOf(fuzzy).Should().Equal($"Acme {suffix}");
    }

    [Fact]
    public async Task An_entity_comes_with_its_neighbours_and_relations()
    {
        var suffix = UniqueSuffix();
        var (ada, acme) = await fixture.LinkAsync(fixture.TenantA, $"Ada {suffix}", "works_for", $"Acme {suffix}", "organization");
        await fixture.LinkAsync(fixture.TenantA, $"Bob {suffix}", "works_for", $"Acme {suffix}", "organization");

        var one = await (await fixture.ViewerA.GetAsync($"{Entities}/{ada}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        one.GetProperty("entity").Str("name").Should().Be($"Ada {suffix}");
        one.GetProperty("neighbours").EnumerateArray().Select(n => n.Id()).Should().Equal(acme);
        one.GetProperty("relations").EnumerateArray().Select(r => r.Str("text")).Should().Equal($"Ada {suffix} -[works_for]-> Acme {suffix}");

        var two = await (await fixture.ViewerA.GetAsync($"{Entities}/{ada}?depth=2")).ShouldBeJsonAsync(HttpStatusCode.OK);
        two.GetProperty("neighbours").EnumerateArray().Select(n => n.Str("name")).Should().Equal($"Acme {suffix}", $"Bob {suffix}");
    }

    [Fact]
    public async Task Bad_query_values_are_400_problems()
    {
        await (await fixture.ViewerA.GetAsync($"{Entities}?match=sounds-like")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "contains, exact or fuzzy");
        var (ada, _) = await fixture.LinkAsync(fixture.TenantA, $"Ada {UniqueSuffix()}", "knows", $"Cy {UniqueSuffix()}");
        await (await fixture.ViewerA.GetAsync($"{Entities}/{ada}?depth=9")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from 1 to 3");
        await (await fixture.ViewerA.GetAsync($"{Entities}/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "entity");
    }

    [Fact]
    public async Task Deleting_needs_the_delete_permission_and_takes_the_relations_along()
    {
        var (ada, cy) = await fixture.LinkAsync(fixture.TenantA, $"Ada {UniqueSuffix()}", "knows", $"Cy {UniqueSuffix()}");

        (await fixture.ViewerA.DeleteAsync($"{Entities}/{ada}")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await fixture.AdminA.DeleteAsync($"{Entities}/{ada}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await fixture.ViewerA.GetAsync($"{Entities}/{ada}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var db = fixture.App.CreateSystemContext();
        (await db.KnowledgeRelations.IgnoreQueryFilters().AnyAsync(r => r.FromEntityId == ada || r.ToEntityId == ada)).Should().BeFalse();
        (await db.KnowledgeEntities.IgnoreQueryFilters().AnyAsync(e => e.Id == cy)).Should().BeTrue();
    }

    [Fact]
    public async Task Another_tenants_entities_are_404_and_never_listed()
    {
        var (ada, _) = await fixture.LinkAsync(fixture.TenantA, $"Ada {UniqueSuffix()}", "knows", $"Cy {UniqueSuffix()}");

        await (await fixture.OwnerB.GetAsync($"{Entities}/{ada}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "entity");
        await (await fixture.OwnerB.DeleteAsync($"{Entities}/{ada}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "entity");
        var list = await (await fixture.OwnerB.GetAsync($"{Entities}?limit=200")).ShouldBeJsonAsync(HttpStatusCode.OK);
        NamesOf(list).Should().BeEquivalentTo("Ada Lovelace", "Eve Spy");
        (await fixture.ViewerA.GetAsync($"{Entities}/{ada}")).StatusCode.Should().Be(HttpStatusCode.OK, "B's delete did nothing");
        var listA = await (await fixture.ViewerA.GetAsync($"{Entities}?search=eve spy")).ShouldBeJsonAsync(HttpStatusCode.OK);
        listA.GetProperty("total").GetInt32().Should().Be(0);
    }
}
