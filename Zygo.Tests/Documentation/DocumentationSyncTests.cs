using Microsoft.EntityFrameworkCore;
using Zygo.Tests.Infrastructure;

namespace Zygo.Tests.Documentation;

/// <summary>documentation_pages follows the files at every start.</summary>
public sealed class DocumentationSyncTests
{
    [Fact]
    public async Task Rows_match_the_files_after_start_and_a_removed_file_loses_its_row()
    {
        var folder = Directory.CreateTempSubdirectory("zygo-docs-sync-").FullName;
        var dataPath = Path.Combine(Path.GetTempPath(), "zygo-tests", Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(FixturePages.Folder, folder);
            var settings = new Dictionary<string, string?> { ["Zygo:Docs:Path"] = folder };
            await using (var first = new ZygoAppFactory(settings: settings, dataPath: dataPath, deleteDataFolder: false))
            {
                await using var db = first.CreateSystemContext();
                var rows = await db.DocumentationPages.AsNoTracking().OrderBy(r => r.Slug).ToListAsync();
                rows.Select(r => r.Slug).Should().Equal("fixture-hostile", "fixture-members", "fixture-nodes", "fixture-ops",
                    "fixture-pipelines", "fixture-welcome");
                var welcome = rows.Single(r => r.Slug == "fixture-welcome");
                (welcome.Id, welcome.Title, welcome.Category, welcome.IsPublic, welcome.ReadTime, welcome.SortOrder)
                    .Should().Be(("fixture-welcome", "Welcome Fixture", "Getting Started", true, 3, 1));
                welcome.MetaDescription.Should().StartWith("A test page");
                welcome.Keywords.Should().Be("fixture,welcome,renderer");
                welcome.Content.Should().Contain("## Tables and lists");
                rows.Single(r => r.Slug == "fixture-ops").IsPublic.Should().BeFalse();
            }

            File.Delete(Path.Combine(folder, "operations", "fixture-ops.md"));
            File.WriteAllText(Path.Combine(folder, "getting-started", "fixture-pipelines.md"),
                File.ReadAllText(Path.Combine(folder, "getting-started", "fixture-pipelines.md")).Replace("title: Pipelines Fixture", "title: Renamed Pipelines"));

            await using var second = new ZygoAppFactory(settings: settings, dataPath: dataPath);
            await using var again = second.CreateSystemContext();
            var slugs = await again.DocumentationPages.AsNoTracking().Select(r => r.Slug).ToListAsync();
            slugs.Should().HaveCount(5).And.NotContain("fixture-ops");
            (await again.DocumentationPages.SingleAsync(r => r.Slug == "fixture-pipelines")).Title.Should().Be("Renamed Pipelines");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
