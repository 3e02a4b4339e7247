using Microsoft.AspNetCore.DataProtection;

namespace Zygo.Data.Security;

/// <summary>ASP.NET Data Protection (AES-256-CBC + HMACSHA256, rotating keys) under a purpose of Zygo's own.</summary>
public sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Zygo.Secrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedValue) => _protector.Unprotect(protectedValue);
}
