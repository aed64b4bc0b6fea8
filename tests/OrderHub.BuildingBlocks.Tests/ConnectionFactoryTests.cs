using Npgsql;
using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.BuildingBlocks.Tests;

public sealed class ConnectionFactoryTests
{
    private const string Server = "Host=127.0.0.1;Port=5432;Username=orderhub;Database=orderhub";

    private static NpgsqlConnectionStringBuilder Effective(string connectionString)
    {
        using var factory = new DatabaseConnectionFactory(DatabaseProvider.Postgres, connectionString);
        using var connection = factory.Create();
        return new NpgsqlConnectionStringBuilder(connection.ConnectionString);
    }

    [Fact]
    public void Statements_are_prepared_on_their_second_use_unless_the_connection_string_says_otherwise()
    {
        var defaults = Effective(Server);
        defaults.MaxAutoPrepare.ShouldBe(200);
        defaults.AutoPrepareMinUsages.ShouldBe(2);
        defaults.NoResetOnClose.ShouldBeTrue();

        Effective(Server + ";Max Auto Prepare=0").MaxAutoPrepare.ShouldBe(0);
        var tuned = Effective(Server + ";max auto prepare=50;Auto Prepare Min Usages=4");
        tuned.MaxAutoPrepare.ShouldBe(50);
        tuned.AutoPrepareMinUsages.ShouldBe(4);
        Effective(Server + ";Max Auto Prepare=20").AutoPrepareMinUsages.ShouldBe(5, "Npgsql's own default when only the size is set");
    }

    [Theory]
    [InlineData("Max Auto Prepare=0", true)]
    [InlineData("MAXAUTOPREPARE=10", true)]
    [InlineData("Maximum Pool Size=50", false)]
    [InlineData("", false)]
    public void A_keyword_counts_as_given_only_when_the_string_sets_it(string extra, bool given) =>
        DatabaseConnectionFactory.Names($"{Server};{extra}", "Max Auto Prepare").ShouldBe(given);
}
