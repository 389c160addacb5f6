using System.Globalization;

namespace OlnmMl.Learners.Svm;

/// <summary>
/// The kernel coefficient γ: a fixed value, or a rule evaluated on the training matrix X (n rows × d features).
/// <c>scale</c>: γ = 1 / (d · Var(X)), the variance taken over all n·d entries (scikit-learn's default);
/// <c>auto</c>: γ = 1 / d.
/// </summary>
public readonly record struct SvmGamma
{
    private SvmGamma(GammaRule rule, double value)
    {
        Rule = rule;
        Value = value;
    }

    /// <summary>How γ is obtained.</summary>
    public GammaRule Rule { get; }

    /// <summary>The fixed γ when <see cref="Rule"/> is <see cref="GammaRule.Fixed"/>; otherwise NaN.</summary>
    public double Value { get; }

    /// <summary>γ = 1 / (d · Var(X)).</summary>
    public static SvmGamma Scale { get; } = new(GammaRule.Scale, double.NaN);

    /// <summary>γ = 1 / d.</summary>
    public static SvmGamma Auto { get; } = new(GammaRule.Auto, double.NaN);

    /// <summary>A fixed γ &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="gamma"/> is not finite and positive.</exception>
    public static SvmGamma Fixed(double gamma)
    {
        if (!double.IsFinite(gamma) || gamma <= 0)
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "SVM gamma must be a finite number > 0.");
        return new SvmGamma(GammaRule.Fixed, gamma);
    }

    /// <summary>Parses "scale", "auto" or a positive number (invariant culture).</summary>
    /// <exception cref="FormatException">When <paramref name="text"/> is none of these.</exception>
    public static SvmGamma Parse(string text)
    {
        var t = text.Trim();
        if (t.Equals("scale", StringComparison.OrdinalIgnoreCase)) return Scale;
        if (t.Equals("auto", StringComparison.OrdinalIgnoreCase)) return Auto;
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0)
            return Fixed(v);
        throw new FormatException($"SVM gamma '{text}' is not 'scale', 'auto' or a positive number.");
    }

    /// <summary>Resolves γ on a row-major training matrix of <paramref name="rows"/> × <paramref name="features"/>.</summary>
    public double Resolve(ReadOnlySpan<double> x, int rows, int features)
    {
        switch (Rule)
        {
            case GammaRule.Fixed:
                return Value;
            case GammaRule.Auto:
                return 1.0 / features;
            default:
                double mean = 0;
                foreach (var v in x) mean += v;
                mean /= x.Length;
                double ss = 0;
                foreach (var v in x) ss += (v - mean) * (v - mean);
                var variance = ss / x.Length;
                // scikit-learn falls back to 1 when X is constant; we do the same.
                return variance > 0 ? 1.0 / (features * variance) : 1.0;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Rule switch
    {
        GammaRule.Scale => "scale",
        GammaRule.Auto => "auto",
        _ => Value.ToString("R", CultureInfo.InvariantCulture),
    };
}

/// <summary>How <see cref="SvmGamma"/> is obtained.</summary>
public enum GammaRule
{
    /// <summary>1 / (d · Var(X)).</summary>
    Scale,

    /// <summary>1 / d.</summary>
    Auto,

    /// <summary>A fixed value.</summary>
    Fixed,
}
