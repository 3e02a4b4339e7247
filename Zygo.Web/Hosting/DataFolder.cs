namespace Zygo.Web.Hosting;

/// <summary>The resolved, existing data folder of this instance.</summary>
public sealed class DataFolder
{
    public DataFolder(string configuredPath)
    {
        Path = System.IO.Path.GetFullPath(configuredPath);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(string name) => System.IO.Path.Combine(Path, name);
}
