using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>
/// A variable's value goes in and never comes out: not in any API answer, not in plain text in the SQLite file
/// or its write-ahead log; yet it is stored, encrypted with the app's protector.
/// </summary>
public sealed class VariableSecrecyTests(VariableSecrecyTests.Fixture fixture) : IClassFixture<VariableSecrecyTests.Fixture>
{
    public sealed class Fixture() : AppFixture
    {
        public Guid Tenant { get; private set; }
        public HttpClient Developer { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Tenant = await App.CreateTenantAsync("Secrets");
            Developer = Keep(await App.ClientForRoleAsync(Tenant, TenantRole.Developer));
        }
    }

    private HttpClient Client => fixture.Developer;

    [Fact]
    public async Task Value_is_in_no_api_answer()
    {
        var value = NewSecret();
        var newValue = NewSecret();
        var name = "OPENAI_KEY_" + UniqueSuffix();

        var created = await Client.PostAsync(Variables, Json(new { name, value, service = "openai", description = "the key" }));
        var createdText = await created.Content.ReadAsStringAsync();
        created.StatusCode.Should().Be(HttpStatusCode.Created, createdText);
        var id = (await created.ReadJsonAsync()).Id();
        var url = $"{Variables}/{id}";

        var get = await Client.GetAsync(url);
        var list = await Client.GetAsync(Variables);
        var filtered = await Client.GetAsync(Variables + "?service=openai");
        var putKeep = await Client.PutAsync(url, Json(new { name, value = "", service = "openai", description = "renamed" }));
        var putNew = await Client.PutAsync(url, Json(new { name, value = newValue, service = "openai" }));
        var getAfter = await Client.GetAsync(url);

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["create"] = created, ["get"] = get, ["list"] = list, ["list by service"] = filtered,
            ["put keeping the value"] = putKeep, ["put with a new value"] = putNew, ["get after put"] = getAfter,
        };
        foreach (var (what, response) in answers)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.IsSuccessStatusCode.Should().BeTrue("{0} should succeed: {1}", what, text);
            text.Should().Contain(name, "the {0} answer is about the variable", what);
            text.Should().NotContain(value, "the {0} answer must not reveal the value", what);
            text.Should().NotContain(newValue, "the {0} answer must not reveal the new value", what);
            text.Should().NotContain("sk-test-", "the {0} answer must not reveal any part of a value", what);
            text.Should().NotContainEquivalentOf("\"value\"", "the {0} answer has no value member", what);
            text.Should().NotContainEquivalentOf("encrypted", "the {0} answer has no ciphertext either", what);
        }
    }

    [Fact]
    public async Task Value_is_not_in_the_database_file_or_its_wal_but_is_stored_encrypted()
    {
        var value = NewSecret();
        var name = "ANTHROPIC_KEY_" + UniqueSuffix();

        var id = (await Client.CreateVariableAsync(name, value, service: "anthropic")).Id();

        var bytes = DatabaseBytes();
        Occurs(bytes, Encoding.UTF8.GetBytes(name)).Should().BeTrue(
            "the scan must see the fresh write (the name is stored in plain text), or it proves nothing");
        Occurs(bytes, Encoding.UTF8.GetBytes(value)).Should().BeFalse("the value must not be stored as UTF-8 text");
        Occurs(bytes, Encoding.Unicode.GetBytes(value)).Should().BeFalse("the value must not be stored as UTF-16 text");
        Occurs(bytes, Encoding.BigEndianUnicode.GetBytes(value)).Should().BeFalse("the value must not be stored as UTF-16BE text");

        var stored = await EncryptedValueAsync(id);
        stored.Should().NotBeNullOrEmpty();
        stored.Should().NotContain(value);
        Protector().Unprotect(stored).Should().Be(value);
    }

    [Fact]
    public async Task Put_with_an_empty_or_missing_value_keeps_the_stored_one()
    {
        var value = NewSecret();
        var name = "SMTP_PASSWORD_" + UniqueSuffix();
        var id = (await Client.CreateVariableAsync(name, value, service: "smtp")).Id();
        var stored = await EncryptedValueAsync(id);

        var empty = await Client.PutAsync($"{Variables}/{id}", Json(new { name, value = "", service = "smtp", description = "changed" }));
        var missing = await Client.PutAsync($"{Variables}/{id}", Json(new { name, service = "mail" }));

        (await empty.ShouldBeJsonAsync(HttpStatusCode.OK)).Str("description").Should().Be("changed");
        (await missing.ShouldBeJsonAsync(HttpStatusCode.OK)).Str("service").Should().Be("mail");
        (await EncryptedValueAsync(id)).Should().Be(stored, "an empty value means: keep the stored one");
        Protector().Unprotect(await EncryptedValueAsync(id)).Should().Be(value);
    }

    [Fact]
    public async Task Put_with_a_new_value_replaces_the_stored_one()
    {
        var value = NewSecret();
        var newValue = NewSecret();
        var name = "WEBHOOK_SECRET_" + UniqueSuffix();
        var id = (await Client.CreateVariableAsync(name, value)).Id();
        var stored = await EncryptedValueAsync(id);

        var response = await Client.PutAsync($"{Variables}/{id}", Json(new { name, value = newValue }));

        await response.ShouldBeJsonAsync(HttpStatusCode.OK);
        var replaced = await EncryptedValueAsync(id);
        replaced.Should().NotBe(stored);
        Protector().Unprotect(replaced).Should().Be(newValue);

        var bytes = DatabaseBytes();
        Occurs(bytes, Encoding.UTF8.GetBytes(newValue)).Should().BeFalse();
        Occurs(bytes, Encoding.Unicode.GetBytes(newValue)).Should().BeFalse();
    }

    [Fact]
    public async Task Create_without_a_value_is_refused()
    {
        var response = await Client.PostAsync(Variables, Json(new { name = "EMPTY_" + UniqueSuffix(), value = "" }));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "value");
        problem.ErrorsFor("value").Should().NotBeEmpty();
    }

    private static string NewSecret() => "sk-test-" + Guid.NewGuid().ToString("N");

    private ISecretProtector Protector() => fixture.App.Services.GetRequiredService<ISecretProtector>();

    private async Task<string> EncryptedValueAsync(Guid id)
    {
        await using var db = fixture.App.CreateSystemContext();
        return await db.EnvironmentVariables.IgnoreQueryFilters()
            .Where(v => v.Id == id).Select(v => v.EncryptedValue).SingleAsync();
    }

    /// <summary>The SQLite file and, with WAL on, its write-ahead log, where recent writes live until a checkpoint.</summary>
    private byte[] DatabaseBytes()
    {
        var files = new[] { fixture.App.DatabaseFile, fixture.App.DatabaseFile + "-wal" };
        File.Exists(files[0]).Should().BeTrue();
        using var all = new MemoryStream();
        foreach (var file in files.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    private static bool Occurs(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
