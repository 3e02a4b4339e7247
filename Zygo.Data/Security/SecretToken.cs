using System.Security.Cryptography;
using System.Text;

namespace Zygo.Data.Security;

/// <summary>
/// High-entropy random tokens (API keys, invitation links) and their stored form. A SHA-256 digest is enough
/// for 256-bit random secrets: unlike passwords they cannot be guessed from a dictionary.
/// </summary>
public static class SecretToken
{
    public static string New(string prefix)
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        return prefix + Base64UrlEncode(bytes);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
