using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Zygo.Web.Chat;
using Zygo.Web.Common;
using Zygo.Web.Collections;
using Zygo.Web.Tenancy;

namespace Zygo.Web.Api;

/// <summary>
/// Turns the exceptions services and model binding throw into RFC 7807 answers with a message a person can act
/// on. Anything unexpected becomes a 500 without internals; the details go to the log.
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
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
            ChatRefusedException { Reason: ChatRefusal.NotFound } n => (404, "Not found.", n.Message, null),
            ChatRefusedException c => (422, "This workflow cannot chat.", c.Message, null),
            DocumentTooLargeException t => (413, "The document is too large.", t.Message, null),
            PermissionDeniedException p => (403, "Forbidden.", p.Message, null),
            BadHttpRequestException b => (b.StatusCode, "The request could not be read.", ExplainBadRequest(b), null),
            _ => (500, "Something went wrong on the server.", "The error was logged. Try again, or report it if it persists.", null),
        };

    private static string ExplainBadRequest(BadHttpRequestException exception) =>
        exception.InnerException is JsonException json ? ExplainJson(json) : exception.Message;

    /// <summary>Says what is wrong in the body's terms (field and position), without .NET type names.</summary>
    private static string ExplainJson(JsonException json)
    {
        var field = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        if (UnmappedMember().Match(json.Message) is { Success: true } unknown)
        {
            return $"The JSON body has an unknown field '{unknown.Groups[1].Value}'. Check its spelling against the API reference.";
        }

        if (json.Message.Contains("could not be converted", StringComparison.Ordinal) && field is not null)
        {
            return $"The JSON field '{field}' has the wrong type or an unknown value.";
        }

        var where = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return $"The body is not valid JSON{where}.";
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();
}
