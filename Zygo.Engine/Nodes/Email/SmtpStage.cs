namespace Zygo.Engine.Nodes.Email;

/// <summary>Where the conversation with the SMTP server was when it failed: messages and hints depend on it.</summary>
public enum SmtpStage
{
    Connecting,
    Authenticating,
    Sending,
}
