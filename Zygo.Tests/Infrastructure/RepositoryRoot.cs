namespace Zygo.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding Zygo.Blazor.sln, found upwards from the test assembly.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Zygo.Blazor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Zygo.Blazor.sln not found above " + AppContext.BaseDirectory);
    }
}
