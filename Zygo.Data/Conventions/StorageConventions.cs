using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Zygo.Data.Conventions;

/// <summary>
/// Provider-neutral storage rules: enums as lower-case text (readable and stable across reorderings),
/// DateTime always UTC on the way out, and JSON documents in the provider's JSON type where it has one.
/// </summary>
public static class StorageConventions
{
    /// <summary>Annotation put on string properties that hold JSON documents.</summary>
    public const string JsonAnnotation = "Zygo:Json";

    private static readonly ValueConverter<DateTime, DateTime> UtcConverter =
        new(v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtcConverter =
        new(v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
            v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    public static void Apply(ModelBuilder builder, string? jsonColumnType)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                var type = property.ClrType;
                if (type == typeof(DateTime))
                {
                    property.SetValueConverter(UtcConverter);
                }
                else if (type == typeof(DateTime?))
                {
                    property.SetValueConverter(NullableUtcConverter);
                }
                else if (Nullable.GetUnderlyingType(type) is { IsEnum: true } nullableEnum)
                {
                    property.SetValueConverter(LowercaseEnumConverter.Create(nullableEnum, nullable: true));
                    property.SetMaxLength(32);
                }
                else if (type.IsEnum)
                {
                    property.SetValueConverter(LowercaseEnumConverter.Create(type, nullable: false));
                    property.SetMaxLength(32);
                }
                else if (jsonColumnType is not null && property.FindAnnotation(JsonAnnotation) is not null)
                {
                    property.SetColumnType(jsonColumnType);
                }
            }
        }
    }
}
