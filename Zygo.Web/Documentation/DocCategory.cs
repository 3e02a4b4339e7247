using MudBlazor;

namespace Zygo.Web.Documentation;

/// <summary>One of the documentation's categories; its folder under the docs path is also its address.</summary>
public sealed record DocCategory(string Folder, string Name, string Summary, string Icon)
{
    /// <summary>The eleven categories in the order the site lists them.</summary>
    public static IReadOnlyList<DocCategory> All { get; } =
    [
        new("getting-started", "Getting Started", "Install Zygo, learn its ideas and build a first node.", Icons.Material.Outlined.RocketLaunch),
        new("node-creation", "Node Creation", "Create nodes with AI help, from templates, and configure every type.", Icons.Material.Outlined.Widgets),
        new("workflow-agents", "Workflow & Agents", "Build workflows on the canvas and put an AI Agent at their centre.", Icons.Material.Outlined.AccountTree),
        new("api-development", "API & Development", "The REST API, SDK examples, the CLI and front-end hooks.", Icons.Material.Outlined.Code),
        new("operations", "Operations & Infrastructure", "Deploy, network, store, observe and migrate Zygo.", Icons.Material.Outlined.Dns),
        new("security", "Security & Compliance", "Authentication, roles, secrets and tenant isolation.", Icons.Material.Outlined.Shield),
        new("performance", "Performance & Scaling", "Scale out and tune throughput.", Icons.Material.Outlined.Speed),
        new("reliability", "Reliability & Quality", "Retries, error handling, error codes and debugging.", Icons.Material.Outlined.Verified),
        new("testing", "Testing & CI/CD", "Test nodes and workflows and automate delivery.", Icons.Material.Outlined.Science),
        new("advanced", "Advanced Topics", "Middleware, streaming, legacy systems and versioning.", Icons.Material.Outlined.Tune),
        new("reference", "Reference & Learning", "Glossary, token costs, webhooks and the changelog.", Icons.Material.Outlined.MenuBook),
    ];

    public static DocCategory? Find(string folder) =>
        All.FirstOrDefault(c => string.Equals(c.Folder, folder, StringComparison.OrdinalIgnoreCase));

    /// <summary>Position in the site's order; folders outside the list come last.</summary>
    public static int IndexOf(string folder)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i].Folder, folder, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return All.Count;
    }
}
