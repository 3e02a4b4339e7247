using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Zygo.Data.Conventions;

namespace Zygo.Data.Configuration;

internal static class ModelBuilderExtensions
{
    /// <summary>Marks a string property as a JSON document (jsonb on PostgreSQL, text elsewhere).</summary>
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(StorageConventions.JsonAnnotation, true);
}
