namespace Zygo.Engine.Nodes.Code.Python;

/// <summary>
/// The bubblewrap command line that confines one Python run: new namespaces for everything (so no network and no
/// other processes), the system's programs and libraries read-only, Python's own installation read-only, an empty
/// <c>/tmp</c>, and the run's temporary folder as the only writable place. The server's files — its database,
/// keys and configuration — are not in the sandbox at all.
/// </summary>
internal sealed record BubblewrapSandbox(string Bubblewrap, string Python, string PythonPrefix)
{
    /// <summary>Where the run's folder appears inside the sandbox.</summary>
    public const string WorkFolder = "/code";

    /// <summary>Top-level folders that hold programs and libraries; a merged-/usr system has them as links into /usr.</summary>
    private static readonly string[] SystemFolders = ["bin", "sbin", "lib", "lib32", "lib64", "libx32"];

    /// <summary>The bubblewrap arguments up to and including the Python executable.</summary>
    public IEnumerable<string> Arguments(string folder)
    {
        yield return "--unshare-all";
        yield return "--new-session";
        foreach (var argument in ReadOnly("/usr"))
        {
            yield return argument;
        }

        foreach (var name in SystemFolders)
        {
            var path = "/" + name;
            var info = new DirectoryInfo(path);
            if (info.LinkTarget is { } target)
            {
                yield return "--symlink";
                yield return target;
                yield return path;
            }
            else if (info.Exists)
            {
                foreach (var argument in ReadOnly(path))
                {
                    yield return argument;
                }
            }
        }

        if (!IsUnder(PythonPrefix, "/usr"))
        {
            foreach (var argument in ReadOnly(PythonPrefix))
            {
                yield return argument;
            }
        }

        var executableFolder = Path.GetDirectoryName(Python)!;
        if (!IsUnder(executableFolder, "/usr") && !IsUnder(executableFolder, PythonPrefix))
        {
            foreach (var argument in ReadOnly(executableFolder))
            {
                yield return argument;
            }
        }

        foreach (var argument in (string[])["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp",
                     "--bind", folder, WorkFolder, "--chdir", WorkFolder, Python])
        {
            yield return argument;
        }
    }

    private static string[] ReadOnly(string path) => ["--ro-bind", path, path];

    private static bool IsUnder(string path, string folder) =>
        path == folder || path.StartsWith(folder.TrimEnd('/') + "/", StringComparison.Ordinal);
}
