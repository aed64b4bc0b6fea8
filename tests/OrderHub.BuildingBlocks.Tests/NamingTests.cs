using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Tests;

public sealed class NamingTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("NextAttemptAt", "next_attempt_at")]
    [InlineData("OrderLineId", "order_line_id")]
    [InlineData("SKUCode", "sku_code")]
    [InlineData("Address2Line", "address2_line")]
    [InlineData("already_snake", "already_snake")]
    public void Property_names_become_snake_case_columns(string property, string column) =>
        ModelConventions.ToSnakeCase(property).ShouldBe(column);

    [Fact]
    public void On_postgres_a_module_gets_its_own_schema_and_plain_table_names()
    {
        var names = new ModuleSchema("inventory", IsSqlite: false);
        names.Schema.ShouldBe("inventory");
        names.Table("stock").ShouldBe("stock");
        names.Index("stock", "sku", "location_code").ShouldBe("IX_stock_sku_location_code");
        names.PrimaryKey("stock").ShouldBe("PK_stock");
    }

    [Fact]
    public void On_sqlite_the_schema_becomes_a_table_prefix()
    {
        var names = new ModuleSchema("inventory", IsSqlite: true);
        names.Schema.ShouldBeNull();
        names.Table("stock").ShouldBe("inventory_stock");
        names.Index("stock", "sku").ShouldBe("IX_inventory_stock_sku");
        names.ForeignKey("lines", "orders", "order_id").ShouldBe("FK_inventory_lines_inventory_orders_order_id");
    }
}
