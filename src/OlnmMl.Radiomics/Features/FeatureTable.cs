using System.Reflection;

namespace OlnmMl.Radiomics.Features;

/// <summary>
/// The features of one family: every public static method of <see cref="Family"/> tagged with
/// <see cref="IbsiFeatureAttribute"/> and taking one <typeparamref name="TContext"/>, bound once as delegates.
/// </summary>
/// <typeparam name="TContext">The family's precomputed input (sorted intensities, mesh, histogram…).</typeparam>
public sealed class FeatureTable<TContext>
{
    private readonly (IbsiFeatureAttribute Tag, Func<TContext, double> Compute)[] _features;

    /// <summary>Binds the tagged methods of <paramref name="family"/>.</summary>
    public FeatureTable(Type family)
    {
        Family = family;
        _features = family.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => (Method: m, Tag: m.GetCustomAttribute<IbsiFeatureAttribute>()))
            .Where(p => p.Tag is not null)
            .OrderBy(p => p.Method.MetadataToken)
            .Select(p => (p.Tag!, p.Method.CreateDelegate<Func<TContext, double>>()))
            .ToArray();
    }

    /// <summary>The class that defines the features.</summary>
    public Type Family { get; }

    /// <summary>Feature names and IBSI identifiers, in declaration order.</summary>
    public IEnumerable<IbsiFeatureAttribute> Descriptors => _features.Select(f => f.Tag);

    /// <summary>Evaluates every feature on <paramref name="context"/>.</summary>
    public IEnumerable<FeatureValue> Evaluate(TContext context) =>
        _features.Select(f => new FeatureValue(f.Tag.Name, f.Tag.Code, "", f.Compute(context)));
}
