using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Zygo.Data.Entities;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Seeding;

namespace Zygo.Tests.Data;

[Collection(ConsoleCollection.Name)]
public sealed partial class SeedingTests
{
    private static readonly Dictionary<string, string?> GeneratePassword = new() { ["Zygo:Seed:OwnerPassword"] = "" };

    [GeneratedRegex(@"^\s*Password:\s*(?<password>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PrintedPassword();

    [Fact]
    public async Task Without_a_configured_password_the_Owner_gets_a_generated_one_printed_once_that_signs_in()
    {
        string output;
        await using var app = new ZygoAppFactory(settings: GeneratePassword);
        using (var console = new CapturedConsole())
        {
            await app.DemoTenantIdAsync();
            output = console.Text;
        }

        var password = SinglePrintedPassword(output);
        password.Length.Should().BeGreaterThanOrEqualTo(16);
        password.Should().NotBe(ZygoAppFactory.OwnerPassword);
        Regex.Matches(output, Regex.Escape(password)).Should().HaveCount(1, "the password is shown exactly once");
        output.Should().Contain(ZygoAppFactory.OwnerEmail);

        using var scope = app.Services.CreateScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ZygoUser>>();
        var owner = await signIn.UserManager.FindByEmailAsync(ZygoAppFactory.OwnerEmail);
        owner.Should().NotBeNull();
        (await signIn.CheckPasswordSignInAsync(owner!, password, lockoutOnFailure: false)).Succeeded.Should().BeTrue();
        (await signIn.UserManager.CheckPasswordAsync(owner!, password + "x")).Should().BeFalse();
    }

    [Fact]
    public async Task Two_fresh_installs_get_different_generated_passwords()
    {
        var passwords = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await using var app = new ZygoAppFactory(settings: GeneratePassword);
            using var console = new CapturedConsole();
            await app.DemoTenantIdAsync();
            passwords.Add(SinglePrintedPassword(console.Text));
        }

        passwords[0].Should().NotBe(passwords[1]);
    }

    [Fact]
    public async Task A_configured_password_is_used_and_never_printed()
    {
        var configured = $"Configured-{Guid.NewGuid():N}";
        string output;
        await using var app = new ZygoAppFactory(settings: new Dictionary<string, string?> { ["Zygo:Seed:OwnerPassword"] = configured });
        using (var console = new CapturedConsole())
        {
            await app.DemoTenantIdAsync();
            output = console.Text;
        }

        output.Should().Contain("Zygo:Seed:OwnerPassword", "the start-up notice still says which password to use");
        output.Should().NotContain(configured);
        PrintedPassword().Matches(output).Should().BeEmpty();

        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ZygoUser>>();
        var owner = await users.FindByEmailAsync(ZygoAppFactory.OwnerEmail);
        (await users.CheckPasswordAsync(owner!, configured)).Should().BeTrue();
    }

    [Fact]
    public async Task The_demo_tenant_has_the_demo_workflows_each_with_a_first_version_and_its_Owner()
    {
        await using var app = new ZygoAppFactory();
        var tenantId = await app.DemoTenantIdAsync();
        await using var db = app.CreateSystemContext();

        var workflows = await db.Workflows.IgnoreQueryFilters().Where(w => w.TenantId == tenantId).ToListAsync();
        DemoWorkflow.All.Should().HaveCount(3);
        workflows.Should().HaveCount(3);
        workflows.Select(w => w.Slug).Should().BeEquivalentTo(DemoWorkflow.All.Select(d => d.Key));
        workflows.Select(w => w.Name).Should().BeEquivalentTo(DemoWorkflow.All.Select(d => d.Name));

        var versions = await db.WorkflowVersions.IgnoreQueryFilters().Where(v => v.TenantId == tenantId).ToListAsync();
        foreach (var workflow in workflows)
        {
            workflow.Version.Should().Be(1);
            workflow.Nodes.Should().StartWith("[").And.NotBe("[]");
            var version = versions.Should().ContainSingle(v => v.WorkflowId == workflow.Id, $"{workflow.Name} has one version").Subject;
            version.Version.Should().Be(1);
            version.Nodes.Should().Be(workflow.Nodes);
            version.Edges.Should().Be(workflow.Edges);
        }

        var owner = await db.Users.SingleAsync();
        owner.Email.Should().Be(ZygoAppFactory.OwnerEmail);
        owner.LastTenantId.Should().Be(tenantId);
        var membership = await db.Memberships.IgnoreQueryFilters().SingleAsync();
        (membership.TenantId, membership.UserId, membership.Role).Should().Be((tenantId, owner.Id, TenantRole.Owner));
        workflows.Should().OnlyContain(w => w.CreatedByUserId == owner.Id);
    }

    [Fact]
    public async Task Restarting_on_the_same_data_folder_does_not_seed_again()
    {
        string dataPath;
        string firstPassword;
        await using (var first = new ZygoAppFactory(settings: GeneratePassword, deleteDataFolder: false))
        {
            dataPath = first.DataPath;
            using var console = new CapturedConsole();
            await first.DemoTenantIdAsync();
            firstPassword = SinglePrintedPassword(console.Text);
        }

        await using var second = new ZygoAppFactory(settings: GeneratePassword, dataPath: dataPath);
        string output;
        using (var console = new CapturedConsole())
        {
            await second.DemoTenantIdAsync();
            output = console.Text;
        }

        output.Should().NotContain("demo tenant created");
        PrintedPassword().Matches(output).Should().BeEmpty("no second Owner password is made up");

        await using var db = second.CreateSystemContext();
        (await db.Users.CountAsync()).Should().Be(1);
        (await db.Tenants.CountAsync()).Should().Be(1);
        (await db.Memberships.IgnoreQueryFilters().CountAsync()).Should().Be(1);
        (await db.Workflows.IgnoreQueryFilters().CountAsync()).Should().Be(3);
        (await db.WorkflowVersions.IgnoreQueryFilters().CountAsync()).Should().Be(3);

        using var scope = second.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ZygoUser>>();
        var owner = await users.FindByEmailAsync(ZygoAppFactory.OwnerEmail);
        (await users.CheckPasswordAsync(owner!, firstPassword)).Should().BeTrue("the first start's password still holds");
    }

    [Fact]
    public async Task With_seeding_disabled_nothing_is_seeded()
    {
        await using var app = new ZygoAppFactory(settings: new Dictionary<string, string?> { ["Zygo:Seed:Enabled"] = "false" });
        await using var db = app.CreateSystemContext();

        (await db.Users.AnyAsync()).Should().BeFalse();
        (await db.Tenants.AnyAsync()).Should().BeFalse();
        (await db.Memberships.IgnoreQueryFilters().AnyAsync()).Should().BeFalse();
        (await db.Workflows.IgnoreQueryFilters().AnyAsync()).Should().BeFalse();
        (await db.WorkflowVersions.IgnoreQueryFilters().AnyAsync()).Should().BeFalse();
    }

    private static string SinglePrintedPassword(string output)
    {
        var matches = PrintedPassword().Matches(output);
        matches.Should().ContainSingle($"the console should show one generated password, but showed:{Environment.NewLine}{output}");
        return matches[0].Groups["password"].Value;
    }
}
