using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Zygo.Data.Conventions;

/// <summary>Stores an enum as its lower-case name ("draft", "active"), as the spec's CHECK constraints list them.</summary>
public static class LowercaseEnumConverter
{
    public static ValueConverter Create(Type enumType, bool nullable)
    {
        var generic = nullable ? typeof(NullableConverter<>) : typeof(Converter<>);
        return (ValueConverter)Activator.CreateInstance(generic.MakeGenericType(enumType))!;
    }

    private sealed class Converter<T>() : ValueConverter<T, string>(
        v => v.ToString().ToLowerInvariant(),
        v => Enum.Parse<T>(v, true)) where T : struct, Enum;

    private sealed class NullableConverter<T>() : ValueConverter<T?, string?>(
        v => v.HasValue ? v.Value.ToString().ToLowerInvariant() : null,
        v => v == null ? null : Enum.Parse<T>(v, true)) where T : struct, Enum;
}
