using Microsoft.Extensions.Configuration.Json;

namespace Zygo.Web.Hosting;

/// <summary>
/// appsettings.json lives at the repository root and is copied next to the app. `dotnet run` uses the project
/// folder as content root, where it is absent, so read it from the app's folder as the lowest-priority source.
/// </summary>
public static class RootSettings
{
    public static void Add(IConfigurationBuilder configuration, IHostEnvironment environment)
    {
        var inContentRoot = Path.Combine(environment.ContentRootPath, "appsettings.json");
        var beside = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(inContentRoot) || !File.Exists(beside))
        {
            return;
        }

        var source = new JsonConfigurationSource { Path = beside, Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
    }
}
