using Npgsql;

namespace OlnmMl.AutoML.Postgres;

/// <summary>
/// The database's schema, shared by every study in it, versioned in <c>olnm_schema</c> and migrated forward on
/// open (version 1 the studies, inputs and trials; 2 the intermediate values): each entry of <see cref="Migrations"/> takes version <c>i</c> to <c>i + 1</c>, applied in one transaction
/// under an advisory lock, so concurrent workers migrate once. A database written by a newer olnm (a version above
/// <see cref="Version"/>) is refused, never modified.
/// </summary>
internal static class PostgresStudySchema
{
    /// <summary>The schema version this build writes and reads.</summary>
    public static int Version => Migrations.Length;

    /// <summary>Migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>; append, never edit.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE olnm_studies (
            id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, definition TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE olnm_study_inputs (
            study_id INTEGER NOT NULL REFERENCES olnm_studies (id), key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (study_id, key));
        CREATE TABLE olnm_trials (
            study_id INTEGER NOT NULL REFERENCES olnm_studies (id), number INTEGER NOT NULL, status TEXT NOT NULL,
            parameters TEXT NOT NULL, seed INTEGER NOT NULL, budget INTEGER NULL, promoted_from INTEGER NULL,
            started_at TEXT NOT NULL, duration_ticks BIGINT NOT NULL, peak_memory_bytes BIGINT NOT NULL,
            objective DOUBLE PRECISION NULL, metrics TEXT NOT NULL, artefacts TEXT NOT NULL, versions TEXT NOT NULL,
            error TEXT NULL, holder TEXT NULL, heartbeat_at TIMESTAMPTZ NULL, retries INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (study_id, number));
        CREATE INDEX olnm_trials_open ON olnm_trials (study_id) WHERE status IN ('Running', 'Interrupted');
        CREATE FUNCTION olnm_trials_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'trial records are never deleted'; END IF;
            IF OLD.status NOT IN ('Running', 'Interrupted') THEN
                RAISE EXCEPTION 'trial records are immutable once finished';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER olnm_trials_immutable BEFORE UPDATE OR DELETE ON olnm_trials
            FOR EACH ROW EXECUTE FUNCTION olnm_trials_guard();
        CREATE FUNCTION olnm_inputs_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'recorded study inputs never change'; END $$;
        CREATE TRIGGER olnm_inputs_immutable BEFORE UPDATE OR DELETE ON olnm_study_inputs
            FOR EACH ROW EXECUTE FUNCTION olnm_inputs_guard();
        """,
        """
        CREATE TABLE olnm_intermediate_values (
            study_id INTEGER NOT NULL, number INTEGER NOT NULL, step INTEGER NOT NULL, value DOUBLE PRECISION NULL,
            PRIMARY KEY (study_id, number, step), FOREIGN KEY (study_id, number) REFERENCES olnm_trials (study_id, number));
        CREATE FUNCTION olnm_intermediate_values_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'intermediate values are never deleted'; END IF;
            IF (SELECT status FROM olnm_trials WHERE study_id = NEW.study_id AND number = NEW.number) NOT IN ('Running', 'Interrupted') THEN
                RAISE EXCEPTION 'intermediate values are immutable once the trial finished';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER olnm_intermediate_values_immutable BEFORE INSERT OR UPDATE OR DELETE ON olnm_intermediate_values
            FOR EACH ROW EXECUTE FUNCTION olnm_intermediate_values_guard();
        """,
    ];

    /// <summary>
    /// Brings the database to <see cref="Version"/>; throws <see cref="OlnmUserException"/> naming
    /// <paramref name="where"/> when it was written by a newer olnm.
    /// </summary>
    public static void Migrate(NpgsqlDataSource database, string where)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, "SELECT pg_advisory_xact_lock(7271601); CREATE TABLE IF NOT EXISTS olnm_schema (version INTEGER NOT NULL)");
        using var read = new NpgsqlCommand("SELECT MAX(version) FROM olnm_schema", connection);
        var current = read.ExecuteScalar() is int version ? version : 0;
        if (current > Version)
        {
            throw new OlnmUserException(where,
                $"has olnm study schema {current}, written by a newer olnm; this one reads versions up to {Version} — upgrade olnm");
        }

        for (var next = current; next < Version; next++)
        {
            Execute(connection, Migrations[next]);
            Execute(connection, $"INSERT INTO olnm_schema (version) VALUES ({next + 1})");
        }

        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
