namespace Zygo.Web.Components.Shared;

/// <summary>Durations as people read them: "12 ms", "1.4 s", "3 min 5 s"; a run that has not finished has none.</summary>
public static class DurationText
{
    public static string Format(double? ms) => ms switch
    {
        null => "—",
        < 10 => $"{ms:0.0} ms",
        < 1000 => $"{ms:0} ms",
        < 60_000 => $"{ms / 1000.0:0.0} s",
        < 3_600_000 => $"{(long)ms / 60_000} min {(long)ms % 60_000 / 1000} s",
        _ => $"{(long)ms / 3_600_000} h {(long)ms % 3_600_000 / 60_000} min",
    };
}
