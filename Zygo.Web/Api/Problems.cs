namespace Zygo.Web.Api;

/// <summary>ProblemDetails results the endpoints return directly.</summary>
public static class Problems
{
    public static IResult NotFound(string what, string key = "id") =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No {what} with that {key} exists here.");
}
