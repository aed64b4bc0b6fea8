using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OrderHub.BuildingBlocks.Persistence;

/// <summary>Names from the EF model for hand-written PostgreSQL and SQLite statements.</summary>
public static class QuotedNames
{
    /// <summary>The entity's table, quoted: <c>"schema"."table"</c>, or <c>"table"</c> where tables carry a prefix instead.</summary>
    public static string QuotedTable(this IEntityType entity) =>
        entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
}
