using System.Net.Sockets;
using Npgsql;

namespace OlnmMl.AutoML.Postgres;

/// <summary>
/// Turns a storage address into an Npgsql data source and connection failures into one clear error.
/// Accepts a URI (<c>postgresql://user:password@host:port/database</c>, also <c>postgres://</c>) or an Npgsql
/// connection string (<c>Host=…;Username=…</c>). A URI's query parameters are Npgsql settings
/// (<c>?sslmode=require</c>, <c>?options=-c%20search_path%3Dmine</c>).
/// </summary>
public static class PostgresConnection
{
    /// <summary>True when <paramref name="storage"/> is a PostgreSQL URI.</summary>
    public static bool IsUri(string storage) =>
        storage.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || storage.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string of <paramref name="storage"/> (a URI or already a connection string).</summary>
    public static string ToConnectionString(string storage)
    {
        ArgumentException.ThrowIfNullOrEmpty(storage);
        if (!IsUri(storage))
        {
            return storage;
        }

        var uri = new Uri(storage);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : "postgres",
        };
        if (uri.UserInfo.Split(':', 2) is [var user, ..] info && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
            if (info.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(info[1]);
            }
        }

        foreach (var setting in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = setting.Split('=', 2) is [var k, var v] ? (k, v) : (setting, "");
            try
            {
                builder[Uri.UnescapeDataString(key)] = Uri.UnescapeDataString(value);
            }
            catch (ArgumentException e)
            {
                throw new OlnmUserException($"--storage: '{Uri.UnescapeDataString(key)}' is not a PostgreSQL connection setting ({e.Message.Split('\n')[0]})", e);
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>The address as shown in messages: host, port and database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>
    /// Opens a data source and checks that the server answers; throws <see cref="OlnmUserException"/> with one line
    /// saying what failed (unreachable server, refused login, missing database) and how to fix it.
    /// </summary>
    public static NpgsqlDataSource Open(string storage)
    {
        var connectionString = ToConnectionString(storage);
        var where = Describe(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 10 };
        var database = NpgsqlDataSource.Create(builder);
        try
        {
            using var connection = database.OpenConnection();
            return database;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            database.Dispose();
            throw Explain(where, e);
        }
    }

    /// <summary>The one-line error for a failed connection to <paramref name="where"/>.</summary>
    internal static OlnmUserException Explain(string where, Exception e) => e switch
    {
        PostgresException { SqlState: "28P01" or "28000" } => new(where, "PostgreSQL refused the login (wrong user name or password); check the user and password in --storage", e),
        PostgresException { SqlState: "3D000" } => new(where, "the database does not exist; create it (createdb) or name another in --storage", e),
        PostgresException p => new(where, $"PostgreSQL error {p.SqlState}: {p.MessageText}", e),
        _ => new(where, $"cannot reach the PostgreSQL server ({e.GetBaseException().Message}); check host and port in --storage and that the server runs", e),
    };
}
