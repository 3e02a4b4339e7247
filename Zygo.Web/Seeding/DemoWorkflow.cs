using System.Reflection;
using System.Text.Json;
using Zygo.Data.Entities;

namespace Zygo.Web.Seeding;

/// <summary>A workflow shipped with Zygo as JSON: seeded into the demo tenant and offered as a template.</summary>
public sealed record DemoWorkflow(string Key, string Name, string Description, WorkflowStatus Status, string NodesJson, string EdgesJson)
{
    private const string ResourcePrefix = "Zygo.Web.Seeding.DemoWorkflows.";

    public static IReadOnlyList<DemoWorkflow> All { get; } = Load();

    private static IReadOnlyList<DemoWorkflow> Load()
    {
        var assembly = typeof(DemoWorkflow).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(assembly, n))
            .ToList();
    }

    private static DemoWorkflow Parse(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        return new DemoWorkflow(
            resource[ResourcePrefix.Length..^".json".Length],
            root.GetProperty("name").GetString()!,
            root.GetProperty("description").GetString()!,
            Enum.Parse<WorkflowStatus>(root.GetProperty("status").GetString()!, ignoreCase: true),
            root.GetProperty("nodes").GetRawText(),
            root.GetProperty("edges").GetRawText());
    }
}
