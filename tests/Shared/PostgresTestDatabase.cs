using Npgsql;

namespace OlnmMl.Tests.Shared;

/// <summary>
/// A throw-away schema in the PostgreSQL server named by <c>OLNM_TEST_POSTGRES</c> (an Npgsql connection string),
/// dropped on dispose. Without that variable the test skips, saying how to start a server — unless
/// <c>OLNM_REQUIRE_POSTGRES=1</c> (set by <c>.ci/run</c> once its server runs), where it fails instead.
/// </summary>
public sealed class PostgresTestDatabase : IDisposable
{
    private readonly string _server;

    private PostgresTestDatabase(string server)
    {
        _server = server;
        Schema = $"olnm_test_{Guid.NewGuid():N}";
        Execute($"CREATE SCHEMA {Schema}");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = Schema }.ConnectionString;
    }

    /// <summary>Connection string whose tables live in this test's schema.</summary>
    public string ConnectionString { get; }

    /// <summary>The schema's name.</summary>
    public string Schema { get; }

    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? Server => Environment.GetEnvironmentVariable("OLNM_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    /// <summary>A new schema; skips (or fails under OLNM_REQUIRE_POSTGRES=1) when no server is configured.</summary>
    public static PostgresTestDatabase Create()
    {
        var required = Environment.GetEnvironmentVariable("OLNM_REQUIRE_POSTGRES") == "1";
        if (Server is null && required)
        {
            Assert.Fail("OLNM_REQUIRE_POSTGRES=1 but OLNM_TEST_POSTGRES is not set.");
        }

        Skip.If(Server is null,
            "No PostgreSQL server: run `source .ci/postgres.sh && olnm_postgres_start` (sets OLNM_TEST_POSTGRES), or set OLNM_TEST_POSTGRES to an Npgsql connection string.");
        return new PostgresTestDatabase(Server!);
    }

    /// <inheritdoc />
    public void Dispose() => Execute($"DROP SCHEMA {Schema} CASCADE");

    private void Execute(string sql)
    {
        using var database = NpgsqlDataSource.Create(_server);
        using var command = database.CreateCommand(sql);
        command.ExecuteNonQuery();
    }
}
