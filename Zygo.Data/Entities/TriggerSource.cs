namespace Zygo.Data.Entities;

public enum TriggerSource
{
    User,
    Schedule,
    Webhook,
    Api,
    Chat,
}
