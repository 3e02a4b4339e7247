using System.Net;
using System.Text.RegularExpressions;

namespace Zygo.Tests.Infrastructure;

/// <summary>
/// Posts a server-rendered form as a browser would: GET the page, take its antiforgery token from the hidden
/// <c>__RequestVerificationToken</c> input, and POST the fields with it. The client must keep cookies (the
/// default for <c>WebApplicationFactory</c> clients), since the token is paired with the antiforgery cookie.
/// </summary>
public static partial class AntiforgeryForm
{
    public const string TokenField = "__RequestVerificationToken";

    [GeneratedRegex(@"<input\b[^>]*\bname=""__RequestVerificationToken""[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex TokenInput();

    [GeneratedRegex(@"\bvalue=""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();

    /// <summary>The token of the first form in <paramref name="html"/>.</summary>
    public static string ExtractToken(string html)
    {
        var input = TokenInput().Match(html);
        if (!input.Success)
        {
            throw new InvalidOperationException($"The page has no {TokenField} input.");
        }

        var value = ValueAttribute().Match(input.Value);
        if (!value.Success || value.Groups["value"].Value.Length == 0)
        {
            throw new InvalidOperationException($"The {TokenField} input has no value.");
        }

        return WebUtility.HtmlDecode(value.Groups["value"].Value);
    }

    /// <summary>GETs <paramref name="pagePath"/> and returns its antiforgery token.</summary>
    public static async Task<string> GetTokenAsync(HttpClient client, string pagePath)
    {
        using var page = await client.GetAsync(pagePath);
        page.EnsureSuccessStatusCode();
        return ExtractToken(await page.Content.ReadAsStringAsync());
    }

    /// <summary>Takes the token from <paramref name="pagePath"/> and posts <paramref name="fields"/> to <paramref name="actionPath"/>.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pagePath, string actionPath,
        IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await GetTokenAsync(client, pagePath);
        using var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>(TokenField, token)));
        return await client.PostAsync(actionPath, content);
    }
}
