using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Zygo.Web.Common;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Api;

/// <summary>
/// Turns the exceptions services and model binding throw into RFC 7807 answers with a message a person can act
/// on. Anything unexpected becomes a 500 without internals; the details go to the log.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var (status, title, detail, errors) = Describe(exception);
        if (status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
        }

        context.Response.StatusCode = status;
        var problem = errors is null
            ? new ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static (int Status, string Title, string Detail, IDictionary<string, string[]>? Errors) Describe(Exception exception) =>
        exception switch
        {
            InputValidationException v => (400, "The request is not valid.", v.Message, v.Errors),
            ConflictException c => (409, "Conflict.", c.Message, null),
            PermissionDeniedException p => (403, "Forbidden.", p.Message, null),
            BadHttpRequestException b => (b.StatusCode, "The request could not be read.", ExplainBadRequest(b), null),
            _ => (500, "Something went wrong on the server.", "The error was logged. Try again, or report it if it persists.", null),
        };

    private static string ExplainBadRequest(BadHttpRequestException exception) =>
        exception.InnerException switch
        {
            JsonException json => $"The body is not valid JSON for this endpoint: {json.Message}",
            _ => exception.Message,
        };
}
