using System.Net;
using Zygo.Data.Entities;
using static Zygo.Tests.Api.ApiTestHelpers;

namespace Zygo.Tests.Api;

/// <summary>
/// The seed's role matrix, written out by hand: each role against each endpoint. The table is literal on purpose;
/// deriving it from RolePermissions would only test that the code agrees with itself.
/// </summary>
public sealed class PermissionMatrixTests(PermissionMatrixTests.Fixture fixture) : IClassFixture<PermissionMatrixTests.Fixture>
{
    private const bool Allowed = true;
    private const bool Forbidden = false;

    public sealed class Fixture() : AppFixture
    {
        private readonly Dictionary<TenantRole, HttpClient> _clients = [];

        public Guid Tenant { get; private set; }

        /// <summary>Sets up the workflows each case acts on.</summary>
        public HttpClient Owner { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            Tenant = await App.CreateTenantAsync("Permissions");
            Owner = Keep(await App.ClientForRoleAsync(Tenant, TenantRole.Owner));
        }

        /// <summary>One member per role, made on first use.</summary>
        public async Task<HttpClient> ClientAsync(TenantRole role)
        {
            if (!_clients.TryGetValue(role, out var client))
            {
                client = Keep(await App.ClientForRoleAsync(Tenant, role));
                _clients[role] = client;
            }

            return client;
        }
    }

    public static TheoryData<TenantRole, string, bool> WorkflowMatrix => new()
    {
        // View: everyone.
        { TenantRole.Owner, "list", Allowed },
        { TenantRole.Admin, "list", Allowed },
        { TenantRole.Developer, "list", Allowed },
        { TenantRole.Member, "list", Allowed },
        { TenantRole.Viewer, "list", Allowed },

        { TenantRole.Owner, "get", Allowed },
        { TenantRole.Admin, "get", Allowed },
        { TenantRole.Developer, "get", Allowed },
        { TenantRole.Member, "get", Allowed },
        { TenantRole.Viewer, "get", Allowed },

        // Create: Owner, Admin, Developer.
        { TenantRole.Owner, "create", Allowed },
        { TenantRole.Admin, "create", Allowed },
        { TenantRole.Developer, "create", Allowed },
        { TenantRole.Member, "create", Forbidden },
        { TenantRole.Viewer, "create", Forbidden },

        // Edit: Owner, Admin, Developer.
        { TenantRole.Owner, "patch", Allowed },
        { TenantRole.Admin, "patch", Allowed },
        { TenantRole.Developer, "patch", Allowed },
        { TenantRole.Member, "patch", Forbidden },
        { TenantRole.Viewer, "patch", Forbidden },

        // Duplicate creates a workflow: Owner, Admin, Developer.
        { TenantRole.Owner, "duplicate", Allowed },
        { TenantRole.Admin, "duplicate", Allowed },
        { TenantRole.Developer, "duplicate", Allowed },
        { TenantRole.Member, "duplicate", Forbidden },
        { TenantRole.Viewer, "duplicate", Forbidden },

        // Delete: Owner, Admin.
        { TenantRole.Owner, "delete", Allowed },
        { TenantRole.Admin, "delete", Allowed },
        { TenantRole.Developer, "delete", Forbidden },
        { TenantRole.Member, "delete", Forbidden },
        { TenantRole.Viewer, "delete", Forbidden },
    };

    public static TheoryData<TenantRole, string, bool> VariableMatrix => new()
    {
        { TenantRole.Owner, "list", Allowed },
        { TenantRole.Admin, "list", Allowed },
        { TenantRole.Developer, "list", Allowed },
        { TenantRole.Member, "list", Allowed },
        { TenantRole.Viewer, "list", Forbidden },

        { TenantRole.Owner, "create", Allowed },
        { TenantRole.Admin, "create", Allowed },
        { TenantRole.Developer, "create", Allowed },
        { TenantRole.Member, "create", Forbidden },
        { TenantRole.Viewer, "create", Forbidden },
    };

    [Theory]
    [MemberData(nameof(WorkflowMatrix))]
    public async Task Workflow_endpoint_follows_the_role_matrix(TenantRole role, string endpoint, bool allowed)
    {
        var target = await fixture.Owner.CreateWorkflowAsync(description: "permission target");
        var before = await fixture.Owner.GetWorkflowAsync(target.Id());
        var countBefore = (await fixture.Owner.ListWorkflowsAsync()).GetProperty("total").GetInt32();
        var client = await fixture.ClientAsync(role);

        var response = await client.SendWorkflowRequestAsync(endpoint, target.Id());

        if (allowed)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(SuccessStatus(endpoint), "{0} may {1}; the body was: {2}", role, endpoint, text);
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "role");

            // A refused call changes nothing.
            (await fixture.Owner.GetWorkflowAsync(target.Id())).ToString().Should().Be(before.ToString());
            (await fixture.Owner.ListWorkflowsAsync()).GetProperty("total").GetInt32().Should().Be(countBefore);
        }
    }

    [Theory]
    [MemberData(nameof(VariableMatrix))]
    public async Task Variable_endpoint_follows_the_role_matrix(TenantRole role, string endpoint, bool allowed)
    {
        var client = await fixture.ClientAsync(role);
        var name = "PERM_" + UniqueSuffix();

        var response = endpoint switch
        {
            "list" => await client.GetAsync(Variables),
            "create" => await client.PostAsync(Variables, Json(new { name, value = "v-" + UniqueSuffix() })),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint)),
        };

        if (allowed)
        {
            var text = await response.Content.ReadAsStringAsync();
            var expected = endpoint == "create" ? HttpStatusCode.Created : HttpStatusCode.OK;
            response.StatusCode.Should().Be(expected, "{0} may {1} variables; the body was: {2}", role, endpoint, text);
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "role");
            var names = (await (await fixture.Owner.GetAsync(Variables)).ShouldBeJsonAsync(HttpStatusCode.OK))
                .EnumerateArray().Select(v => v.Str("name"));
            names.Should().NotContain(name);
        }
    }

    private static HttpStatusCode SuccessStatus(string endpoint) => endpoint switch
    {
        "create" or "duplicate" => HttpStatusCode.Created,
        "delete" => HttpStatusCode.NoContent,
        _ => HttpStatusCode.OK,
    };
}
