using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Data.Security;
using Zygo.Engine.Nodes.Data;
using Zygo.Web.Accounts;
using Zygo.Web.Common;
using Zygo.Web.Hosting;

namespace Zygo.Web.Seeding;

/// <summary>
/// On the first start of an empty install: a demo tenant, its Owner, the demo workflows, the knowledge collection and
/// the CRM database they use. The Owner's password comes from settings or is generated and printed once — never a fixed one.
/// </summary>
public sealed class DemoSeeder(
    ISystemDbContextFactory system,
    UserManager<ZygoUser> users,
    IOptions<ZygoOptions> options,
    IOptions<DataNodeOptions> dataNodes,
    ISecretProtector protector,
    ILogger<DemoSeeder> logger,
    TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var seed = options.Value.Seed;
        if (!seed.Enabled || await users.Users.AnyAsync(ct))
        {
            return;
        }

        var email = EmailAddress.Normalize(seed.OwnerEmail)
                    ?? throw new InvalidOperationException($"Zygo:Seed:OwnerEmail '{seed.OwnerEmail}' is not an email address.");
        var generated = string.IsNullOrEmpty(seed.OwnerPassword);
        var password = generated ? GeneratePassword() : seed.OwnerPassword!;

        var owner = new ZygoUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Demo Owner" };
        var result = await users.CreateAsync(owner, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create the seeded Owner: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await using var db = system.CreateDbContext();
        var tenant = await TenantProvisioner.CreateAsync(db, seed.TenantName, owner.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var demo in DemoWorkflow.All)
        {
            var workflow = new Workflow
            {
                TenantId = tenant.Id,
                Name = demo.Name,
                Description = demo.Description,
                Slug = demo.Key,
                Status = demo.Status,
                Nodes = demo.NodesJson,
                Edges = demo.EdgesJson,
                CreatedByUserId = owner.Id,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Workflows.Add(workflow);
            db.WorkflowVersions.Add(new WorkflowVersion
            {
                TenantId = tenant.Id,
                WorkflowId = workflow.Id,
                Version = 1,
                Nodes = workflow.Nodes,
                Edges = workflow.Edges,
                CreatedByUserId = owner.Id,
                ChangeNote = "Demo workflow",
            });
        }

        DemoCrm.AddVariable(db, protector, tenant.Id, owner.Id, now);
        await db.SaveChangesAsync(ct);
        await DemoKnowledge.SeedAsync(db, tenant.Id, ct);
        await DemoCrm.CreateDatabaseAsync(dataNodes.Value.SqliteFolder, tenant.Id, ct);
        owner.LastTenantId = tenant.Id;
        await users.UpdateAsync(owner);
        logger.LogInformation("Seeded the demo tenant '{Tenant}' with {Count} workflows.", tenant.Name, DemoWorkflow.All.Count);
        Announce(email, generated ? password : null);
    }

    /// <summary>Written to the console only, not the log, so the generated password does not end up in log files.</summary>
    private static void Announce(string email, string? generatedPassword)
    {
        var line = new string('=', 64);
        Console.WriteLine(line);
        Console.WriteLine("Zygo: demo tenant created. Sign in with");
        Console.WriteLine($"  Email:    {email}");
        Console.WriteLine(generatedPassword is null
            ? "  Password: the one set in Zygo:Seed:OwnerPassword"
            : $"  Password: {generatedPassword}");
        if (generatedPassword is not null)
        {
            Console.WriteLine("This password is shown only once. Change it after signing in.");
        }

        Console.WriteLine(line);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        // Groups of five are easier to copy; the fixed characters satisfy any digit/symbol rule.
        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}-{new string(chars, 10, 5)}-{new string(chars, 15, 5)}-7";
    }
}
