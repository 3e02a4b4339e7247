namespace Zygo.Data.Entities;

public enum ScheduleType
{
    Interval,
    Cron,
    Once,
}
