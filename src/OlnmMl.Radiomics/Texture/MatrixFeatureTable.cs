using System.Reflection;
using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// The features of one family: every public static method of <c>family</c> tagged with
/// <see cref="IbsiFeatureAttribute"/> that maps a <typeparamref name="TMatrix"/> to a double, in
/// declaration order, compiled once into delegates.
/// </summary>
internal sealed class MatrixFeatureTable<TMatrix>
{
    private readonly Func<TMatrix, double>[] evaluators;

    private MatrixFeatureTable(IReadOnlyList<IbsiFeatureAttribute> features, Func<TMatrix, double>[] evaluators)
    {
        Features = features;
        this.evaluators = evaluators;
    }

    /// <summary>Code and name of each feature, in evaluation order.</summary>
    public IReadOnlyList<IbsiFeatureAttribute> Features { get; }

    /// <summary>Number of features.</summary>
    public int Count => evaluators.Length;

    /// <summary>Collects the tagged feature methods of <paramref name="family"/>.</summary>
    public static MatrixFeatureTable<TMatrix> Of(Type family)
    {
        var methods = family.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.IsDefined(typeof(IbsiFeatureAttribute), false))
            .OrderBy(m => m.MetadataToken)
            .ToArray();
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            if (method.ReturnType != typeof(double) || parameters.Length != 1 || parameters[0].ParameterType != typeof(TMatrix))
            {
                throw new InvalidOperationException(
                    $"Feature {family.Name}.{method.Name} must map one {typeof(TMatrix).Name} to a double.");
            }
        }

        return new MatrixFeatureTable<TMatrix>(
            methods.Select(m => m.GetCustomAttribute<IbsiFeatureAttribute>()!).ToArray(),
            methods.Select(m => m.CreateDelegate<Func<TMatrix, double>>()).ToArray());
    }

    /// <summary>
    /// Adds each feature of <paramref name="matrix"/> that is defined (not NaN) to
    /// <paramref name="sums"/> and counts it in <paramref name="counts"/>.
    /// </summary>
    public void AddTo(TMatrix matrix, Span<double> sums, Span<int> counts)
    {
        for (var i = 0; i < evaluators.Length; i++)
        {
            var value = evaluators[i](matrix);
            if (!double.IsNaN(value))
            {
                sums[i] += value;
                counts[i]++;
            }
        }
    }
}
