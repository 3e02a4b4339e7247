using System.Reflection;
using System.Text.Json;
using Zygo.Data.Entities;

namespace Zygo.Web.Seeding;

/// <summary>
/// A workflow shipped with Zygo as an embedded JSON file. The demos are seeded into the demo tenant; demos and
/// templates are both offered on the templates page (<see cref="WorkflowTemplates"/>).
/// </summary>
public sealed record DemoWorkflow(string Key, string Name, string Description, WorkflowStatus Status, string NodesJson, string EdgesJson)
{
    /// <summary>The workflows seeded into the demo tenant.</summary>
    public static IReadOnlyList<DemoWorkflow> All { get; } = LoadFolder("DemoWorkflows");

    /// <summary>Reads every <c>Seeding/&lt;folder&gt;/*.json</c> embedded in Zygo.Web, ordered by file name.</summary>
    public static IReadOnlyList<DemoWorkflow> LoadFolder(string folder)
    {
        var prefix = $"Zygo.Web.Seeding.{folder}.";
        var assembly = typeof(DemoWorkflow).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(assembly, n, prefix))
            .ToList();
    }

    private static DemoWorkflow Parse(Assembly assembly, string resource, string prefix)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        return new DemoWorkflow(
            resource[prefix.Length..^".json".Length],
            root.GetProperty("name").GetString()!,
            root.GetProperty("description").GetString()!,
            Enum.Parse<WorkflowStatus>(root.GetProperty("status").GetString()!, ignoreCase: true),
            root.GetProperty("nodes").GetRawText(),
            root.GetProperty("edges").GetRawText());
    }
}
