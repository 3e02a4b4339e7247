namespace Zygo.Data.Security;

/// <summary>Encrypts values at rest (variables, credentials) so the database never holds them in plain text.</summary>
public interface ISecretProtector
{
    string Protect(string plaintext);

    /// <exception cref="System.Security.Cryptography.CryptographicException">The value was not protected with this install's keys.</exception>
    string Unprotect(string protectedValue);
}
