namespace Zygo.Web.Hosting;

/// <summary>The <c>Zygo</c> section of the settings.</summary>
public sealed class ZygoOptions
{
    public const string Section = "Zygo";

    /// <summary>Folder for the SQLite file, data-protection keys and other local state; relative to the working directory.</summary>
    public string DataPath { get; set; } = "data";

    public SeedOptions Seed { get; set; } = new();
    public RegistrationOptions Registration { get; set; } = new();
    public ApiOptions Api { get; set; } = new();
    public DocsOptions Docs { get; set; } = new();
}

public sealed class SeedOptions
{
    /// <summary>Create a demo tenant, its Owner and demo workflows when the database has no users.</summary>
    public bool Enabled { get; set; } = true;

    public string OwnerEmail { get; set; } = "owner@zygo.local";

    /// <summary>Empty means: generate one and print it once to the console.</summary>
    public string? OwnerPassword { get; set; }

    public string TenantName { get; set; } = "Demo";
}

public enum RegistrationMode
{
    /// <summary>Only the very first user of an install, or someone holding an invitation, may sign up.</summary>
    InvitationOnly,

    /// <summary>Anyone may sign up and gets a tenant of their own.</summary>
    Open,

    /// <summary>Nobody signs up except the first user of an empty install.</summary>
    Disabled,
}

public sealed class RegistrationOptions
{
    public RegistrationMode Mode { get; set; } = RegistrationMode.InvitationOnly;
}

public sealed class ApiOptions
{
    /// <summary>Largest request body the API accepts; larger ones get 413 with a ProblemDetails.</summary>
    public long MaxRequestBodyBytes { get; set; } = 5 * 1024 * 1024;
}

public sealed class DocsOptions
{
    /// <summary>Folder of the documentation pages; empty means the wwwroot-docs folder shipped beside the app.</summary>
    public string? Path { get; set; }

    public string ResolvePath() => string.IsNullOrWhiteSpace(Path)
        ? System.IO.Path.Combine(AppContext.BaseDirectory, "wwwroot-docs")
        : System.IO.Path.GetFullPath(Path);
}
