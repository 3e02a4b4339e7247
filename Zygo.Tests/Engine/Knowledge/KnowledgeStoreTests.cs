using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Zygo.Engine.Knowledge;

namespace Zygo.Tests.Engine.Knowledge;

public sealed class KnowledgeStoreTests : KnowledgeFixture
{
    [Fact]
    public async Task Upsert_finds_an_entity_by_type_and_normalized_name_and_merges_its_properties()
    {
        var first = await WithStoreAsync(s => s.UpsertAsync(
            new EntityDraft("Person", " Ada   Lovelace ", new JsonObject { ["email"] = "ada@example.com", ["born"] = 1815 }), default));
        var second = await WithStoreAsync(s => s.UpsertAsync(
            new EntityDraft("person", "ada lovelace", new JsonObject { ["born"] = 1816, ["email"] = null, ["field"] = "maths" }), default));

        first.Created.Should().BeTrue();
        second.Created.Should().BeFalse();
        second.Entity.Id.Should().Be(first.Entity.Id);
        second.Entity.Name.Should().Be("Ada   Lovelace", "the name keeps its first spelling, trimmed");
        second.Entity.NormalizedName.Should().Be("ada lovelace");
        second.Entity.Type.Should().Be("person");
        var properties = EntityProperties.Parse(second.Entity.Properties);
        properties["born"]!.GetValue<int>().Should().Be(1816, "a later value wins");
        properties["field"]!.GetValue<string>().Should().Be("maths");
        properties.ContainsKey("email").Should().BeFalse("a null value removes the property");
    }

    [Fact]
    public async Task The_same_name_of_another_type_is_another_entity()
    {
        await WithStoreAsync(s => s.UpsertAsync(new EntityDraft("city", "Paris", []), default));
        await WithStoreAsync(s => s.UpsertAsync(new EntityDraft("person", "Paris", []), default));

        var named = await WithStoreAsync(s => s.NamedAsync("paris", "", default));
        named.Select(e => e.Type).Should().Equal("city", "person");
        var act = () => WithStoreAsync(s => s.RequireAsync("Paris", "", "entity", default));
        (await act.Should().ThrowAsync<Zygo.Engine.Execution.NodeFailedException>()).Which.Message
            .Should().Contain("names 2 entities (city, person)").And.Contain("give its type");
    }

    [Fact]
    public async Task A_relation_is_one_edge_per_triple_and_deleting_an_entity_deletes_its_relations()
    {
        var ada = (await WithStoreAsync(s => s.UpsertAsync(new EntityDraft("person", "Ada", []), default))).Entity;
        var charles = (await WithStoreAsync(s => s.UpsertAsync(new EntityDraft("person", "Charles", []), default))).Entity;
        var engine = (await WithStoreAsync(s => s.UpsertAsync(new EntityDraft("machine", "Analytical Engine", []), default))).Entity;
        await WithStoreAsync(s => s.RelateAsync(ada, charles, "knows", 0.5, null, null, null, default));
        await WithStoreAsync(s => s.RelateAsync(ada, charles, "Knows", 0.9, null, null, null, default));
        await WithStoreAsync(s => s.RelateAsync(charles, engine, "designed", 1, null, null, null, default));

        var relations = await WithStoreAsync(s => s.Relations.ToListAsync());
        relations.Should().HaveCount(2);
        relations.Single(r => r.Type == "knows").Weight.Should().Be(0.9, "relating again updates the edge");

        var deleted = await WithStoreAsync(async s => await s.DeleteAsync((await s.GetAsync(charles.Id, default))!, default));

        deleted.Should().Be(2);
        (await WithStoreAsync(s => s.Relations.CountAsync())).Should().Be(0);
        (await WithStoreAsync(s => s.Entities.Select(e => e.Name).ToListAsync())).Should().BeEquivalentTo("Ada", "Analytical Engine");
    }

    [Fact]
    public async Task Another_tenants_entities_are_invisible_to_the_store()
    {
        await WithStoreAsync(s => s.UpsertAsync(new EntityDraft("person", "Grace", []), default), TenantB);

        (await WithStoreAsync(s => s.NamedAsync("Grace", "", default))).Should().BeEmpty();
        (await WithStoreAsync(s => s.SearchAsync(new EntitySearch(), default))).Total.Should().Be(0);
        (await WithStoreAsync(s => s.NamedAsync("Grace", "", default), TenantB)).Should().ContainSingle();
    }

    [Fact]
    public async Task Fuzzy_search_forgives_one_typo_in_a_short_name_but_not_a_different_name()
    {
        foreach (var name in new[] { "Acme", "Ada", "Acme Holdings Group" })
        {
            await WithStoreAsync(s => s.UpsertAsync(new EntityDraft("organization", name, []), default));
        }

        var page = await WithStoreAsync(s => s.SearchAsync(new EntitySearch { Name = "acne", Match = EntityNameMatch.Fuzzy }, default));
        page.Items.Select(e => e.Name).Should().Equal("Acme");
        var longer = await WithStoreAsync(s => s.SearchAsync(new EntitySearch { Name = "acme holding group", Match = EntityNameMatch.Fuzzy }, default));
        longer.Items.Select(e => e.Name).Should().Equal("Acme Holdings Group");
    }

    [Theory]
    [InlineData("katherine johnson", "katherine johnson", 1.0)]
    [InlineData("katherine johnson", "katharine johnson", 0.94)]
    [InlineData("acme", "zenith", 0.0)]
    public void Similarity_is_one_minus_edit_distance_over_length(string a, string b, double expected)
    {
        EntityFinder.Similarity(a, b).Should().BeApproximately(expected, 0.01);
    }
}
