using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace OlnmMl.Torch;

/// <summary>
/// The seed a component takes from the caller's <see cref="MLContext"/> when its options give none: the next draw of
/// the context's random source, through the public <see cref="IHostEnvironment.Register"/> (ML.NET components draw their
/// own hosts' seeds the same way). <c>new MLContext(seed: s)</c> then fixes every such component's seed, in the order the
/// components are created; <c>new MLContext()</c> gives fresh ones.
/// </summary>
internal static class ContextSeed
{
    /// <summary>The next seed of <paramref name="mlContext"/> for <paramref name="component"/>.</summary>
    public static int Draw(MLContext mlContext, string component)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return ((IHostEnvironment)mlContext).Register(component).Rand.Next();
    }
}
