using Zygo.Tests.Infrastructure;
using Zygo.Web.Documentation;

namespace Zygo.Tests.Documentation;

/// <summary>The small set of test pages under Zygo.Tests/Documentation/Pages, independent of the real docs.</summary>
public static class FixturePages
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "Zygo.Tests", "Documentation", "Pages");

    public static DocumentationLibrary Library { get; } = DocumentationLibrary.Load(Folder);

    public static DocPage Page(string slug) =>
        Library.Find(slug, new DocReader(DocAudience.Developers)) ?? throw new InvalidOperationException($"No fixture page {slug}.");

    /// <summary>App settings that point Zygo at the fixture pages.</summary>
    public static Dictionary<string, string?> Settings => new() { ["Zygo:Docs:Path"] = Folder };
}
