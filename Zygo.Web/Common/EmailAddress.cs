using System.Net.Mail;

namespace Zygo.Web.Common;

public static class EmailAddress
{
    /// <summary>The trimmed address, or null when it is not one.</summary>
    public static string? Normalize(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 256 || !MailAddress.TryCreate(trimmed, out var parsed) ||
            parsed.Address != trimmed || !trimmed.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return trimmed;
    }
}
