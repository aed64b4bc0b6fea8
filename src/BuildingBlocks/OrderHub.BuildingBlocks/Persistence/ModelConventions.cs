using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OrderHub.BuildingBlocks.Domain;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>Conventions every module model follows, so hand-written migrations can predict every name.</summary>
internal static class ModelConventions
{
    private static readonly ValueConverter<DateTime, DateTime> UtcConverter = new(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtcConverter = new(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    public static void Apply(ModelBuilder modelBuilder, ModuleSchema schema)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            var explicitTable = entityType.FindAnnotation(RelationalAnnotationNames.TableName)?.Value as string;
            if (explicitTable is not null)
            {
                entityType.SetTableName(schema.Table(explicitTable));
                entityType.SetSchema(schema.Schema);
            }

            foreach (var property in entityType.GetProperties())
            {
                // An owned type stored in its owner's table shares the owner's key column; EF names it.
                var sharesOwnerKey = entityType.IsOwned() && explicitTable is null && property.IsPrimaryKey();
                if (property.FindAnnotation(RelationalAnnotationNames.ColumnName) is null && !sharesOwnerKey)
                {
                    property.SetColumnName(ToSnakeCase(OwnerPrefix(entityType) + property.Name));
                }

                if (property.ClrType == typeof(DateTime))
                {
                    property.SetValueConverter(UtcConverter);
                }
                else if (property.ClrType == typeof(DateTime?))
                {
                    property.SetValueConverter(NullableUtcConverter);
                }

                if (property.ClrType.IsEnum || Nullable.GetUnderlyingType(property.ClrType)?.IsEnum == true)
                {
                    // Enums are stored by name: readable in the database and safe when members are reordered.
                    property.SetProviderClrType(typeof(string));
                    property.SetMaxLength(property.GetMaxLength() ?? 32);
                }
            }

            // Keys are assigned by the domain (Guid.NewGuid()); marking them never generated lets EF insert
            // new children found through navigations instead of mistaking them for existing rows.
            foreach (var keyProperty in entityType.FindPrimaryKey()?.Properties ?? [])
            {
                if (keyProperty.ClrType == typeof(Guid))
                {
                    keyProperty.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
                }
            }

            if (IsAggregate(entityType.ClrType) && entityType.BaseType is null)
            {
                entityType.FindProperty(nameof(AggregateRoot<int>.Version))?.IsConcurrencyToken = true;
            }
        }
    }

    /// <summary>Columns of an owned type stored in its owner's table are prefixed with the navigation: <c>customer_email</c>.</summary>
    private static string OwnerPrefix(IMutableEntityType entityType)
    {
        var prefix = string.Empty;
        for (var current = entityType;
             current.IsOwned() && current.FindAnnotation(RelationalAnnotationNames.TableName) is null;
             current = current.FindOwnership()!.PrincipalEntityType)
        {
            prefix = current.FindOwnership()!.PrincipalToDependent!.Name + "_" + prefix;
        }

        return prefix;
    }

    public static bool IsAggregate(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(AggregateRoot<>))
            {
                return true;
            }
        }

        return false;
    }

    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && name[i - 1] != '_' && (previousIsLowerOrDigit || (nextIsLower && char.IsUpper(name[i - 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
