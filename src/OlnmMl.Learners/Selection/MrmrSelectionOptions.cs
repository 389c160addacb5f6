using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Minimum-redundancy maximum-relevance (Peng, Long &amp; Ding 2005, MID criterion): features are discretised into
/// <see cref="Bins"/> equal-frequency bins (tied values share a bin); the first pick maximises I(f; y), each next
/// maximises I(f; y) − (1/|S|) Σ_{s∈S} I(f; s), until <see cref="TopK"/> are chosen. Mutual information in nats from
/// the empirical joint frequencies. Scores are I(f; y).
/// </summary>
public sealed class MrmrSelectionOptions : FeatureSelectionOptions
{
    /// <summary>Number of features kept.</summary>
    public int TopK { get; set; } = 10;

    /// <summary>Equal-frequency bins per feature.</summary>
    public int Bins { get; set; } = 5;

    /// <inheritdoc />
    public override string MethodName => "mrmr";

    internal override void Validate()
    {
        if (TopK < 1) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be ≥ 1.");
        if (Bins is < 2 or > 64) throw new ArgumentOutOfRangeException(nameof(Bins), Bins, "Bins must be in [2, 64].");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var n = train.Rows;
        var d = train.Features;
        var y = train.RequireLabels().Select(l => l ? 1 : 0).ToArray();
        var codes = new int[d * n];
        Parallel.For(0, d, j => Discretize(train, j, Bins, codes.AsSpan(j * n, n)));

        var relevance = new double[d];
        Parallel.For(0, d, j => relevance[j] = MutualInformation(codes.AsSpan(j * n, n), Bins, y, 2));

        var k = Math.Min(TopK, d);
        var selected = new List<int>();
        var redundancy = new double[d];
        var chosen = new bool[d];
        for (int step = 0; step < k; step++)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (int j = 0; j < d; j++)
            {
                if (chosen[j]) continue;
                var score = relevance[j] - (selected.Count > 0 ? redundancy[j] / selected.Count : 0);
                if (score > bestScore) { bestScore = score; best = j; }
            }
            chosen[best] = true;
            selected.Add(best);
            var bestCodes = codes.AsSpan(best * n, n).ToArray();
            Parallel.For(0, d, j =>
            {
                if (!chosen[j]) redundancy[j] += MutualInformation(codes.AsSpan(j * n, n), Bins, bestCodes, Bins);
            });
        }
        return new FeatureSelectionResult([.. selected.Order()], relevance);
    }

    private static void Discretize(DenseFeatureMatrix m, int j, int bins, Span<int> codes)
    {
        var n = m.Rows;
        var values = new double[n];
        m.CopyColumn(j, values);
        var order = Enumerable.Range(0, n).ToArray();
        var keys = (double[])values.Clone();
        keys.AsSpan().Sort(order.AsSpan());
        var bin = 0;
        for (int k = 0; k < n; k++)
        {
            if (k == 0 || values[order[k]] != values[order[k - 1]]) bin = Math.Min(bins - 1, k * bins / n);
            codes[order[k]] = bin;
        }
    }

    /// <summary>I(a; b) = Σ p(a, b) log(p(a, b) / (p(a) p(b))).</summary>
    private static double MutualInformation(ReadOnlySpan<int> a, int binsA, ReadOnlySpan<int> b, int binsB)
    {
        var n = a.Length;
        Span<int> joint = stackalloc int[binsA * binsB];
        Span<int> ca = stackalloc int[binsA];
        Span<int> cb = stackalloc int[binsB];
        joint.Clear(); ca.Clear(); cb.Clear();
        for (int i = 0; i < n; i++)
        {
            joint[a[i] * binsB + b[i]]++;
            ca[a[i]]++;
            cb[b[i]]++;
        }
        double mi = 0;
        for (int u = 0; u < binsA; u++)
            for (int v = 0; v < binsB; v++)
            {
                var c = joint[u * binsB + v];
                if (c > 0) mi += c / (double)n * Math.Log(c * (double)n / (ca[u] * (double)cb[v]));
            }
        return mi;
    }
}
