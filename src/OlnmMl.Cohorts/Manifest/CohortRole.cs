namespace OlnmMl.Cohorts.Manifest;

/// <summary>What a cohort is used for.</summary>
public enum CohortKind
{
    /// <summary>Training rows: everything fitted sees only these.</summary>
    Train,

    /// <summary>Internal validation rows (same centres as training).</summary>
    Validation,

    /// <summary>An external test cohort, scored and never tuned on.</summary>
    Test,
}

/// <summary>
/// The cohort a case belongs to: <c>train</c>, <c>validation</c>, <c>test</c> or a named external test
/// cohort <c>test-&lt;name&gt;</c> (e.g. <c>test-h5</c>). Parsing accepts <c>training</c>/<c>val</c> and
/// <c>test_&lt;name&gt;</c> too and is case-insensitive; <see cref="ToString"/> gives the canonical spelling.
/// </summary>
public readonly record struct CohortRole(CohortKind Kind, string? TestName = null)
{
    /// <summary>The training cohort.</summary>
    public static CohortRole Train => new(CohortKind.Train);

    /// <summary>The internal validation cohort.</summary>
    public static CohortRole Validation => new(CohortKind.Validation);

    /// <summary>A named external test cohort (<c>test-&lt;name&gt;</c>); a null name gives plain <c>test</c>.</summary>
    public static CohortRole Test(string? name = null) => new(CohortKind.Test, string.IsNullOrEmpty(name) ? null : name.ToLowerInvariant());

    /// <summary>Parses a cohort name; returns false for anything that is not train/validation/test[-name].</summary>
    public static bool TryParse(string? text, out CohortRole role)
    {
        var value = (text ?? string.Empty).Trim().ToLowerInvariant();
        CohortRole? parsed = value switch
        {
            "train" or "training" => Train,
            "validation" or "val" or "valid" => Validation,
            "test" => Test(),
            _ when value.Length > 5 && value.StartsWith("test", StringComparison.Ordinal) && value[4] is '-' or '_'
                && IsName(value.AsSpan(5)) => Test(value[5..]),
            _ => null,
        };
        role = parsed ?? default;
        return parsed is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        CohortKind.Train => "train",
        CohortKind.Validation => "validation",
        _ => TestName is null ? "test" : $"test-{TestName}",
    };

    private static bool IsName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }
}
