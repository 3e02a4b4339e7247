using Microsoft.AspNetCore.Diagnostics;
using Zygo.Web.Accounts;
using Zygo.Web.Api;
using Zygo.Web.Components;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Hosting;

/// <summary>The composition root's request half: middleware order and endpoints.</summary>
public static class PipelineConfiguration
{
    public static void UseZygo(this WebApplication app)
    {
        app.UseExceptionHandler();
        // API errors without a body (401, 403, 405 …) still get a ProblemDetails; pages get a friendly 404 page.
        app.UseWhen(IsApi, api => api.UseStatusCodePages(WriteApiProblemAsync));
        app.UseWhen(context => !IsApi(context), pages =>
            pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));

        // Explicit, after the status pages, so a re-executed request is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.Use((context, next) =>
        {
            context.RequestServices.GetRequiredService<TenantSession>().Initialize(context.User);
            return next(context);
        });
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi("/api/openapi/{documentName}.json");
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.MapWorkflowEndpoints();
        api.MapVariableEndpoints();
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
            ProblemDetails = { Status = http.Response.StatusCode, Detail = DescribeStatus(http.Response.StatusCode) },
        });
    }

    private static string DescribeStatus(int status) => status switch
    {
        401 => "Sign in, or send 'Authorization: Bearer <api key>'.",
        403 => "Your role in this tenant does not allow this.",
        404 => "There is nothing at this address.",
        405 => "This address does not accept that HTTP method.",
        415 => "Send the body as application/json.",
        _ => "The request failed.",
    };
}
