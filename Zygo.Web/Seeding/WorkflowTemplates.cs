namespace Zygo.Web.Seeding;

/// <summary>What the templates page offers: the demo workflows followed by the templates that are not seeded.</summary>
public static class WorkflowTemplates
{
    /// <summary>The templates that are only offered, never seeded (<c>Seeding/Templates/*.json</c>).</summary>
    public static IReadOnlyList<DemoWorkflow> Extra { get; } = DemoWorkflow.LoadFolder("Templates");

    public static IReadOnlyList<DemoWorkflow> All { get; } = [.. DemoWorkflow.All, .. Extra];
}
