using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Api;

/// <summary>A parsed RFC 7807 answer.</summary>
internal sealed record Problem(int Status, string? Title, string Detail, JsonElement Body)
{
    /// <summary>The messages of <c>errors.{field}</c> of a validation problem; fails when there are none.</summary>
    public string[] ErrorsFor(string field)
    {
        Body.TryGetProperty("errors", out var errors).Should().BeTrue("a validation problem lists its errors: {0}", Body);
        errors.TryGetProperty(field, out var messages).Should().BeTrue("errors should name '{0}': {1}", field, Body);
        return messages.EnumerateArray().Select(m => m.GetString() ?? string.Empty).ToArray();
    }
}

/// <summary>Requests and assertions the API test classes share.</summary>
internal static class ApiTestHelpers
{
    public const string Workflows = "/api/v1/workflows";
    public const string Variables = "/api/v1/variables";
    public const string ProblemJson = "application/problem+json";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>A body exactly as written, sent as application/json.</summary>
    public static StringContent RawJson(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>An object serialised with camelCase names, sent as application/json.</summary>
    public static StringContent Json(object body) => RawJson(JsonSerializer.Serialize(body, Web));

    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Asserts the status (showing the body when it differs) and returns the JSON body.</summary>
    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was: {0}", text);
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/json");
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>
    /// Asserts an <c>application/problem+json</c> answer with the status, whose <c>status</c> member agrees and whose
    /// <c>detail</c> is present and mentions each of <paramref name="detailWords"/> (case-insensitive).
    /// </summary>
    public static async Task<Problem> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status,
        params string[] detailWords)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was: {0}", text);
        response.Content.Headers.ContentType?.MediaType.Should().Be(ProblemJson, "the body was: {0}", text);

        using var doc = JsonDocument.Parse(text);
        var body = doc.RootElement.Clone();
        body.GetProperty("status").GetInt32().Should().Be((int)status);
        var detail = body.TryGetProperty("detail", out var d) ? d.GetString() : null;
        detail.Should().NotBeNullOrWhiteSpace("a problem should explain itself: {0}", text);
        foreach (var word in detailWords)
        {
            detail.Should().ContainEquivalentOf(word);
        }

        var title = body.TryGetProperty("title", out var t) ? t.GetString() : null;
        return new Problem((int)status, title, detail!, body);
    }

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>Creates a workflow and returns the 201 body.</summary>
    public static async Task<JsonElement> CreateWorkflowAsync(this HttpClient client, string? name = null,
        string? description = null, string? slug = null, object? nodes = null, object? edges = null)
    {
        var response = await client.PostAsync(Workflows, Json(new
        {
            name = name ?? "Workflow " + UniqueSuffix(),
            description,
            slug,
            nodes,
            edges,
        }));
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    public static async Task<JsonElement> GetWorkflowAsync(this HttpClient client, Guid id) =>
        await (await client.GetAsync($"{Workflows}/{id}")).ShouldBeJsonAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> ListWorkflowsAsync(this HttpClient client, string query = "") =>
        await (await client.GetAsync(Workflows + query)).ShouldBeJsonAsync(HttpStatusCode.OK);

    public static IReadOnlyList<Guid> ItemIds(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();

    /// <summary>Creates a variable and returns the 201 body.</summary>
    public static async Task<JsonElement> CreateVariableAsync(this HttpClient client, string name, string value,
        string? service = null)
    {
        var response = await client.PostAsync(Variables, Json(new { name, value, service }));
        return await response.ShouldBeJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// One call to the workflow endpoint named by <paramref name="endpoint"/> (list, get, create, patch, delete,
    /// duplicate); the id-based ones act on <paramref name="id"/>. Patch renames and changes the graph.
    /// </summary>
    public static Task<HttpResponseMessage> SendWorkflowRequestAsync(this HttpClient client, string endpoint, Guid id) =>
        endpoint switch
        {
            "list" => client.GetAsync(Workflows),
            "get" => client.GetAsync($"{Workflows}/{id}"),
            "create" => client.PostAsync(Workflows, Json(new { name = "Created " + UniqueSuffix() })),
            "patch" => client.PatchAsync($"{Workflows}/{id}", Json(new
            {
                name = "Patched " + UniqueSuffix(),
                description = "changed by a patch",
                nodes = new[] { new { id = "patched", type = "trigger" } },
            })),
            "delete" => client.DeleteAsync($"{Workflows}/{id}"),
            "duplicate" => client.PostAsync($"{Workflows}/{id}/duplicate", null),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not a workflow endpoint."),
        };

    /// <summary>A client on the real listener of a Kestrel factory, not following redirects.</summary>
    public static HttpClient KestrelClient(this ZygoAppFactory app, string? bearerToken = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // With Expect: 100-continue, wait for the server's verdict instead of sending the body after the
            // default second, which a cold server can exceed.
            Expect100ContinueTimeout = TimeSpan.FromSeconds(30),
        };
        var client = new HttpClient(handler)
        {
            BaseAddress = app.ServerAddress,
        };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>A Kestrel client acting as a new member of the tenant with the role.</summary>
    public static async Task<HttpClient> KestrelClientForRoleAsync(this ZygoAppFactory app, Guid tenantId, TenantRole role)
    {
        var userId = await app.CreateUserAsync(tenantId, role);
        return app.KestrelClient(await app.CreateApiKeyAsync(userId, tenantId));
    }
}
