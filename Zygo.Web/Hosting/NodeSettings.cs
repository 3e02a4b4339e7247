using Zygo.Engine.Nodes.Code.Python;
using Zygo.Engine.Nodes.Data;

namespace Zygo.Web.Hosting;

/// <summary>The node types' settings from configuration, with the defaults that depend on the data folder.</summary>
public static class NodeSettings
{
    public static void AddNodeSettings(this IServiceCollection services, IConfiguration configuration, DataFolder dataFolder)
    {
        services.Configure<CodeOptions>(configuration.GetSection(CodeOptions.Section));
        services.Configure<DataNodeOptions>(configuration.GetSection(DataNodeOptions.Section));
        // The Data Source node's SQLite files stay in a folder of their own, never next to Zygo's database.
        services.PostConfigure<DataNodeOptions>(o => o.SqliteFolder =
            Path.GetFullPath(string.IsNullOrWhiteSpace(o.SqliteFolder) ? "databases" : o.SqliteFolder, dataFolder.Path));
        services.AddOptions<DataNodeOptions>()
            .Validate(o => !SqliteDataSource.IsWithin(dataFolder.Path, o.SqliteFolder!),
                $"{DataNodeOptions.Section}:SqliteFolder must not be Zygo's data folder ({dataFolder.Path}) nor contain it: " +
                "the Data Source node could read every tenant's data.")
            .ValidateOnStart();
    }
}
