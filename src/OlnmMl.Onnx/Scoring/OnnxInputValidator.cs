using Microsoft.ML.OnnxRuntime;

namespace OlnmMl.Onnx.Scoring;

/// <summary>
/// Checks inputs against a model's declared inputs before scoring, so bad input fails with a
/// message naming the input, the expected shape and what came, instead of an ONNX Runtime error.
/// </summary>
internal static class OnnxInputValidator
{
    /// <summary>Validates <paramref name="inputs"/>; returns the common batch size N.</summary>
    public static long Validate(
        IReadOnlyDictionary<string, NodeMetadata> declared,
        IReadOnlyDictionary<string, OnnxInput> inputs,
        IReadOnlyDictionary<string, IReadOnlyList<string>> slotNames)
    {
        foreach (var name in inputs.Keys.Where(n => !declared.ContainsKey(n)))
        {
            throw new ArgumentException($"Input '{name}' is not an input of the model; it takes: {Describe(declared)}.", nameof(inputs));
        }

        long batch = -1;
        foreach (var (name, meta) in declared)
        {
            if (!inputs.TryGetValue(name, out var input))
            {
                throw new ArgumentException($"Model input '{name}' was not supplied; the model takes: {Describe(declared)}.", nameof(inputs));
            }

            CheckShape(name, meta.Dimensions, input);
            if (batch >= 0 && input.Shape[0] != batch)
            {
                throw new ArgumentException($"Input '{name}' has {input.Shape[0]} cases but another input has {batch}; every input needs the same cases.", nameof(inputs));
            }

            batch = input.Shape[0];
            CheckFinite(name, input, slotNames.TryGetValue(name, out var slots) ? slots : []);
        }

        return batch;
    }

    private static void CheckShape(string name, int[] expected, OnnxInput input)
    {
        var shape = input.Shape;
        if (shape.Length != expected.Length)
        {
            throw new ArgumentException(
                $"Input '{name}' has shape [{string.Join(",", shape)}] but the model expects rank {expected.Length}: [{Dims(expected)}].", nameof(input));
        }

        long count = 1;
        for (var d = 0; d < shape.Length; d++)
        {
            if (shape[d] <= 0 || (expected[d] >= 0 && expected[d] != shape[d]))
            {
                throw new ArgumentException(
                    $"Input '{name}' has shape [{string.Join(",", shape)}] but the model expects [{Dims(expected)}] (dimension {d} differs).", nameof(input));
            }

            count *= shape[d];
        }

        if (input.Data.Length != count)
        {
            throw new ArgumentException(
                $"Input '{name}' has {input.Data.Length} values but its shape [{string.Join(",", shape)}] needs {count}.", nameof(input));
        }
    }

    private static void CheckFinite(string name, OnnxInput input, IReadOnlyList<string> slots)
    {
        var data = input.Data.AsSpan();
        var bad = data.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue);
        if (bad < 0)
        {
            return;
        }

        var perCase = data.Length / input.Shape[0];
        var caseIndex = bad / perCase;
        var slot = bad % perCase;
        var slotText = slots.Count == perCase ? $"feature '{slots[(int)slot]}'" : $"element {slot}";
        throw new ArgumentException(
            $"Input '{name}' has a non-finite value ({data[bad]}) at case {caseIndex}, {slotText}; impute or drop the case before scoring.", nameof(input));
    }

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> declared) =>
        string.Join(", ", declared.Select(kv => $"{kv.Key} [{Dims(kv.Value.Dimensions)}]"));

    private static string Dims(int[] dims) => string.Join(",", dims.Select(d => d < 0 ? "N" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
