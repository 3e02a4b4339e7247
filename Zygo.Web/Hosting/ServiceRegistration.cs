using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using Zygo.Data;
using Zygo.Data.Entities;
using Zygo.Engine;
using Zygo.Web.Accounts;
using Zygo.Web.Api;
using Zygo.Web.ApiKeys;
using Zygo.Web.Audit;
using Zygo.Web.Chat;
using Zygo.Web.Documentation;
using Zygo.Web.Documentation.Reading;
using Zygo.Web.Executions;
using Zygo.Web.Collections;
using Zygo.Web.Members;
using Zygo.Web.Security;
using Zygo.Web.Seeding;
using Zygo.Web.Tenancy;
using Zygo.Web.Variables;
using Zygo.Web.Workflows;

namespace Zygo.Web.Hosting;

/// <summary>The composition root's service half: what Zygo.Web registers and how it is configured.</summary>
public static class ServiceRegistration
{
    /// <summary>Picks the API-key handler for bearer requests and the Identity cookie for everything else.</summary>
    private const string SelectorScheme = "Zygo";

    public static void AddZygo(this WebApplicationBuilder builder)
    {
        RootSettings.Add(builder.Configuration, builder.Environment);
        // Serve assets straight from the build output too (`dotnet run` in Production); a no-op when published.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        var zygo = builder.Configuration.GetSection(ZygoOptions.Section).Get<ZygoOptions>() ?? new ZygoOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataFolder = new DataFolder(zygo.DataPath);

        services.Configure<ZygoOptions>(builder.Configuration.GetSection(ZygoOptions.Section));
        services.AddNodeSettings(builder.Configuration, dataFolder);
        services.AddProxySettings(builder.Configuration);
        services.AddSingleton(dataFolder);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHttpContextAccessor();

        services.AddZygoData(database, dataFolder.Path);
        services.AddZygoEngine();
        services.AddDataProtection()
            .SetApplicationName("Zygo")
            .PersistKeysToFileSystem(new DirectoryInfo(dataFolder.Combine("keys")));

        AddIdentityAndAuth(services);
        AddAppServices(services);
        AddApi(builder, zygo);

        // The editor sends a whole graph (one JSON string) per change: 1000 nodes are ~400 KB, far past the 32 KB default.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 4 * 1024 * 1024);
        services.AddMudServices();
    }

    private static void AddIdentityAndAuth(IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.BearerToken(context.Request) is null
                    ? IdentityConstants.ApplicationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountEndpoints.LoginPath;
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "zygo.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            // The API answers with status codes, not with redirects to an HTML page.
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<ZygoUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<ZygoDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // The cookie keeps the chosen tenant when Identity refreshes the principal.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = context =>
        {
            if (context.CurrentPrincipal?.FindFirst(ZygoClaims.TenantId) is { } tenant &&
                context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
            {
                identity.AddClaim(new System.Security.Claims.Claim(ZygoClaims.TenantId, tenant.Value));
            }

            return Task.CompletedTask;
        });

        services.AddSingleton<MembershipDirectory>();
        services.AddSingleton<ApiKeyDirectory>();
        services.AddScoped<IClaimsTransformation, TenantClaimsTransformation>();
        services.AddScoped<TenantSession>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<TenantSession>());
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantSession>());
        services.AddScoped<CircuitHandler, TenantCircuitHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
    }

    private static void AddAppServices(IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditLogQuery>();
        services.AddScoped<AccountService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<WorkflowService>();
        services.AddScoped<WorkflowVersionService>();
        services.AddScoped<VariableService>();
        services.AddScoped<CollectionService>();
        services.AddScoped<ExecutionQuery>();
        services.AddScoped<ChatService>();
        services.AddScoped<MemberService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<ApiKeyService>();
        services.AddSingleton(sp => DocumentationLibrary.Load(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ZygoOptions>>().Value.Docs.ResolvePath(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Zygo.Documentation")));
        services.AddScoped<DocumentationReading>();
        services.AddSingleton<ExecutionQueue>();
        services.AddHostedService<ExecutionQueueWorker>();
    }

    private static void AddApi(WebApplicationBuilder builder, ZygoOptions zygo)
    {
        var services = builder.Services;
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures (malformed JSON, wrong types) become exceptions the handler explains, not bare 400s.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = zygo.Api.MaxRequestBodyBytes);
        services.AddOpenApi("v1");
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
