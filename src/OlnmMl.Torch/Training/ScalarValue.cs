using TorchSharp;

namespace OlnmMl.Torch.Training;

/// <summary>
/// A TorchSharp <see cref="Scalar"/> held alive for a scope. An implicit conversion (<c>t.mul_(0.9)</c>) makes a
/// temporary that nothing references while libtorch reads it: a garbage collection triggered by any thread can run
/// its finaliser in the middle of the native call, which then reads freed memory (errors such as "Unknown scalar
/// type", or silently a wrong factor). Code on the training path creates its scalars with <see cref="Of"/> in a
/// <c>using</c> declaration, which keeps them reachable until the end of the scope, and passes <see cref="One"/> as
/// the <c>alpha</c> of tensor additions and subtractions (<c>a + b</c> and <c>add_(b)</c> make a temporary too).
/// </summary>
internal readonly struct ScalarValue : IDisposable
{
    private ScalarValue(Scalar value) => Value = value;

    /// <summary>The scalar 1, alive for the whole process: the <c>alpha</c> of <c>add</c>/<c>sub</c>.</summary>
    public static Scalar One { get; } = 1.ToScalar();

    /// <summary>The scalar, valid until <see cref="Dispose"/>.</summary>
    public Scalar Value { get; }

    /// <summary>A scalar of <paramref name="value"/> (float64).</summary>
    public static ScalarValue Of(double value) => new(value.ToScalar());

    /// <summary>Frees the native scalar.</summary>
    public void Dispose() => Value.Dispose();
}
