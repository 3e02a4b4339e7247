using System.Text.Json.Nodes;

namespace Zygo.Engine.Generation;

/// <summary>The trigger a prompt asks for: webhook, a schedule ("every morning", "every 15 minutes"), chat, else manual.</summary>
public static class OfflineTrigger
{
    public static (string Label, JsonObject Config) From(PromptText text)
    {
        JsonObject config;
        string label;
        if (text.Has("webhook", "incoming request", "receives a request", "when a request"))
        {
            (label, config) = ("When a request arrives", new JsonObject
            {
                ["triggerMode"] = "webhook",
                ["webhookConfig"] = new JsonObject { ["method"] = "POST", ["path"] = text.Slug, ["requireAuth"] = true },
            });
        }
        else if (Schedule(text) is { } schedule)
        {
            (label, config) = (schedule.Label, new JsonObject { ["triggerMode"] = "schedule", ["scheduleConfig"] = schedule.Config });
        }
        else if (text.Has("chat", "conversation", "assistant", "bot", "answer question"))
        {
            (label, config) = ("Chat message", new JsonObject { ["triggerMode"] = "chat" });
        }
        else
        {
            (label, config) = ("Run manually", new JsonObject { ["triggerMode"] = "manual" });
        }

        return (label, config);
    }

    private static (string Label, JsonObject Config)? Schedule(PromptText text)
    {
        static JsonObject Cron(string expression) => new() { ["type"] = "cron", ["cronExpression"] = expression };
        if (text.Interval is { } interval)
        {
            return ($"Every {interval.Value} {interval.Unit}", new JsonObject
            {
                ["type"] = "interval", ["intervalValue"] = interval.Value, ["intervalUnit"] = interval.Unit,
            });
        }

        return text.Has("every morning") ? ("Every morning at 08:00", Cron("0 0 8 * * ?"))
            : text.Has("every evening", "every night", "nightly") ? ("Every evening at 18:00", Cron("0 0 18 * * ?"))
            : text.Has("weekly", "every week", "every monday") ? ("Every Monday at 09:00", Cron("0 0 9 ? * MON"))
            : text.Has("daily", "every day", "each day", "schedule") ? ("Every day at 09:00", Cron("0 0 9 * * ?"))
            : null;
    }
}
