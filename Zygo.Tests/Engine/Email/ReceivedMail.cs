using System.Text;
using MimeKit;

namespace Zygo.Tests.Engine.Email;

/// <summary>One message as the test SMTP server received it: the envelope and the raw DATA.</summary>
public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> Recipients, string Data, string? AuthenticatedUser)
{
    public MimeMessage Parse() => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(Data)));
}
