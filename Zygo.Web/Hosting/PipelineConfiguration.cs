using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Zygo.Web.Accounts;
using Zygo.Web.Api;
using Zygo.Web.Components;
using Zygo.Web.Documentation;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Hosting;

/// <summary>The composition root's request half: middleware order and endpoints.</summary>
public static class PipelineConfiguration
{
    public static void UseZygo(this WebApplication app)
    {
        // First, so everything after it sees the client's scheme and address (see ProxySettings).
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        // API errors without a body (401, 403, 405 …) still get a ProblemDetails; pages get a friendly 404 page.
        app.UseWhen(IsApi, api => api.UseStatusCodePages(WriteApiProblemAsync));
        app.UseWhen(context => !IsApi(context), pages =>
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

        app.UseDocumentationImages();

        // Explicit, after the status pages, so a re-executed request is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<TenantSession>().Initialize(context.User);
            return next(context);
        });
        app.UseAuthorization();
        app.UseDocumentationNotFoundStatus();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapWorkflowEndpoints();
        api.MapExecutionEndpoints();
        api.MapChatEndpoints();
        api.MapNodeTestEndpoints();
        api.MapNodeTypeEndpoints();
        api.MapGenerationEndpoints();
        api.MapVariableEndpoints();
        api.MapKnowledgeEndpoints();
        api.MapCollectionEndpoints();
        api.MapDocumentationEndpoints();
        app.MapPublicDocumentationEndpoints();
        app.MapDocumentationSitemap();
        app.MapAccountEndpoints();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static async Task WriteApiProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Detail = DescribeStatus(http) },
        });
    }

    private static string DescribeStatus(HttpContext http) => http.Response.StatusCode switch
    {
        401 => "Sign in, or send 'Authorization: Bearer <api key>'.",
        403 => "Your role in this tenant does not allow this.",
        404 => "There is nothing at this address.",
        405 => "This address does not accept that HTTP method.",
        // Kestrel rejects the body while the endpoint reads it; minimal APIs swallow that as an I/O error, so the
        // 413 arrives here without a body rather than through the exception handler.
        413 => http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            ? $"The request body is too large: this server accepts at most {limit} bytes (Zygo:Api:MaxRequestBodyBytes)."
            : "The request body is too large for this server (Zygo:Api:MaxRequestBodyBytes).",
        415 => "Send the body as application/json.",
        _ => "The request failed.",
    };
}
