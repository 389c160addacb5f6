using System.Data.Common;

namespace OlnmMl.AutoML.Store;

/// <summary>
/// Reading intermediate values from the SQL stores: rows of (number, step, value), a NULL value being NaN (SQLite
/// stores a NaN REAL as NULL, so both stores write NaN as NULL and read it back).
/// </summary>
internal static class IntermediateValueRows
{
    /// <summary>The value to bind for <paramref name="value"/>: DBNull for NaN.</summary>
    public static object ToColumn(double value) => double.IsNaN(value) ? DBNull.Value : value;

    /// <summary>Every row of <paramref name="command"/>, in its order.</summary>
    public static List<IntermediateValue> ReadAll(DbCommand command)
    {
        using var reader = command.ExecuteReader();
        var values = new List<IntermediateValue>();
        while (reader.Read())
        {
            values.Add(new IntermediateValue(reader.GetInt32(0), reader.GetInt32(1), reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2)));
        }

        return values;
    }
}
