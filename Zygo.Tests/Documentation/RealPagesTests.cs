using Microsoft.Extensions.DependencyInjection;
using Zygo.Engine.Nodes;
using Zygo.Tests.Infrastructure;
using Zygo.Web.Documentation;
using Zygo.Web.Documentation.Rendering;

namespace Zygo.Tests.Documentation;

/// <summary>
/// The repository's wwwroot-docs: the 40 pages of the inventory with their titles, categories and audiences, and no
/// broken link or anchor between them.
/// </summary>
public sealed class RealPagesTests
{
    private static readonly DocumentationLibrary Library = DocumentationLibrary.Load(Path.Combine(RepositoryRoot.Path, "wwwroot-docs"));

    public static readonly TheoryData<string, string, string, string, DocAudience> Inventory = new()
    {
        { "installation-setup", "Installation & Setup", "Getting Started", "getting-started", DocAudience.Public },
        { "core-concepts", "Core Concepts", "Getting Started", "getting-started", DocAudience.Public },
        { "your-first-node", "Your First Node", "Getting Started", "getting-started", DocAudience.Public },
        { "ai-assisted-creation", "AI-Assisted Creation", "Node Creation", "node-creation", DocAudience.Public },
        { "node-templates", "Node Templates", "Node Creation", "node-creation", DocAudience.Public },
        { "advanced-configuration", "Advanced Configuration", "Node Creation", "node-creation", DocAudience.Public },
        { "creating-workflows", "Creating Workflows", "Workflow & Agents", "workflow-agents", DocAudience.Public },
        { "creating-agents", "Creating Agents", "Workflow & Agents", "workflow-agents", DocAudience.Public },
        { "integration-patterns", "Integration Patterns", "Workflow & Agents", "workflow-agents", DocAudience.Public },
        { "api-reference", "API Reference", "API & Development", "api-development", DocAudience.Public },
        { "sdk-code-examples", "SDK Code Examples", "API & Development", "api-development", DocAudience.Public },
        { "cli-reference", "CLI Reference", "API & Development", "api-development", DocAudience.Public },
        { "react-hooks", "React Hooks", "API & Development", "api-development", DocAudience.Public },
        { "control-data-plane", "Control & Data Plane", "Operations & Infrastructure", "operations", DocAudience.Developers },
        { "platform-infrastructure", "Platform Infrastructure", "Operations & Infrastructure", "operations", DocAudience.Developers },
        { "networking-firewalls", "Networking & Firewalls", "Operations & Infrastructure", "operations", DocAudience.Developers },
        { "storage-volumes", "Storage Volumes", "Operations & Infrastructure", "operations", DocAudience.Developers },
        { "monitoring-observability", "Monitoring & Observability", "Operations & Infrastructure", "operations", DocAudience.Developers },
        { "migration-guide", "Migration Guide", "Operations & Infrastructure", "operations", DocAudience.Developers },
        { "security-best-practices", "Security Best Practices", "Security & Compliance", "security", DocAudience.Public },
        { "security-model", "Security Model", "Security & Compliance", "security", DocAudience.Developers },
        { "secrets-management", "Secrets Management", "Security & Compliance", "security", DocAudience.Developers },
        { "multi-tenancy", "Multi-Tenancy", "Security & Compliance", "security", DocAudience.Developers },
        { "scaling-performance", "Scaling & Performance", "Performance & Scaling", "performance", DocAudience.Public },
        { "performance-tuning", "Performance Tuning", "Performance & Scaling", "performance", DocAudience.Public },
        { "reliability-patterns", "Reliability Patterns", "Reliability & Quality", "reliability", DocAudience.Public },
        { "error-handling-patterns", "Error Handling Patterns", "Reliability & Quality", "reliability", DocAudience.Public },
        { "error-codes-reference", "Error Codes Reference", "Reliability & Quality", "reliability", DocAudience.Public },
        { "debugging-techniques", "Debugging Techniques", "Reliability & Quality", "reliability", DocAudience.Public },
        { "integration-testing", "Integration Testing", "Testing & CI/CD", "testing", DocAudience.Public },
        { "unit-testing", "Unit Testing", "Testing & CI/CD", "testing", DocAudience.Public },
        { "ci-cd-integration", "CI/CD Integration", "Testing & CI/CD", "testing", DocAudience.Public },
        { "custom-middleware", "Custom Middleware", "Advanced Topics", "advanced", DocAudience.Members },
        { "streaming-sse", "Streaming & SSE", "Advanced Topics", "advanced", DocAudience.Public },
        { "legacy-system-integration", "Legacy System Integration", "Advanced Topics", "advanced", DocAudience.Public },
        { "versioning-strategy", "Versioning Strategy", "Advanced Topics", "advanced", DocAudience.Public },
        { "glossary", "Glossary", "Reference & Learning", "reference", DocAudience.Public },
        { "token-economics", "Token Economics", "Reference & Learning", "reference", DocAudience.Public },
        { "webhooks-events", "Webhooks & Events", "Reference & Learning", "reference", DocAudience.Public },
        { "changelog", "Changelog", "Reference & Learning", "reference", DocAudience.Public },
    };

    private static readonly DocReader Everyone = new(DocAudience.Developers);

    [Fact]
    public void Every_file_loads_and_there_are_exactly_the_forty_pages()
    {
        Library.Problems.Should().BeEmpty();
        Library.Pages.Select(p => p.Slug).Should().BeEquivalentTo(Inventory.Select(row => (string)row[0]));
    }

    [Theory]
    [MemberData(nameof(Inventory))]
    public void Page_has_its_title_category_folder_audience_description_and_body(string slug, string title, string category,
        string folder, DocAudience audience)
    {
        var page = Library.Find(slug, Everyone);

        page.Should().NotBeNull($"wwwroot-docs/{folder}/{slug}.md should exist");
        (page!.Title, page.Category, page.CategoryFolder, page.Audience).Should().Be((title, category, folder, audience));
        page.Description.Should().NotBeNullOrWhiteSpace();
        page.PublicHtml.Should().NotBeNullOrWhiteSpace();
        page.Toc.Should().NotBeEmpty("a page is organised in ## sections");
    }

    [Fact]
    public void Every_internal_link_and_anchor_resolves()
    {
        var broken = new List<string>();
        foreach (var page in Library.Pages)
        {
            foreach (var href in Hrefs(page.InternalHtml))
            {
                if (LinkTargets.Target(href) is not var (slug, anchor))
                {
                    continue;
                }

                var target = Library.Find(slug, Everyone);
                if (target is null)
                {
                    broken.Add($"{page.Slug}: {href} (no page '{slug}')");
                }
                else if (anchor is { Length: > 0 } && !target.Anchors.Contains(anchor))
                {
                    broken.Add($"{page.Slug}: {href} (no anchor '#{anchor}' on '{slug}')");
                }
            }
        }

        broken.Should().BeEmpty();
    }

    [Fact]
    public void Every_registered_node_type_has_its_anchor_on_advanced_configuration()
    {
        var page = Library.Find("advanced-configuration", Everyone);
        page.Should().NotBeNull();
        using var harness = new Zygo.Tests.Engine.NodeHarness();
        var types = harness.Services.GetRequiredService<NodeTypeRegistry>().All.Select(t => t.Id).ToList();
        types.Should().HaveCount(20);

        types.Select(id => $"node-{id}").Where(anchor => !page!.Anchors.Contains(anchor)).Should().BeEmpty();
    }

    private static IEnumerable<string> Hrefs(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));
}
