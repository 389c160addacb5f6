using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Adam (Kingma and Ba 2015) with L2 weight decay, as <c>torch.optim.Adam</c>: g ← ∇ + λ·θ, m ← β₁m + (1 − β₁)g,
/// v ← β₂v + (1 − β₂)g², θ ← θ − lr·m / (1 − β₁ᵗ) / (√v / √(1 − β₂ᵗ) + ε). It replaces TorchSharp's
/// <c>optim.Adam</c>, whose step passes temporary <see cref="Scalar"/>s (implicit conversions of doubles) to
/// native calls: nothing keeps such a temporary alive during the call, so a garbage collection on any thread
/// can finalise it while libtorch still reads it, and the step then fails ("Unknown scalar type") or, worse,
/// uses a garbage factor and drives the weights to NaN. Every <see cref="Scalar"/> here is created explicitly and
/// disposed after its last use (see <see cref="ScalarValue"/>). Each parameter may carry its own learning-rate factor
/// (a pre-trained encoder fine-tuned slower than a fresh head); its moments and step count can be read and restored
/// (a resumed pre-training continues exactly).
/// </summary>
internal sealed class AdamOptimizer : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;
    private readonly (Tensor Parameter, Tensor Mean, Tensor Variance, double Scale)[] _states;
    private readonly double _weightDecay;
    private int _step;

    /// <summary>Optimises <paramref name="parameters"/>; <paramref name="weightDecay"/> is the L2 coefficient λ.</summary>
    public AdamOptimizer(IEnumerable<Tensor> parameters, double weightDecay)
        : this(parameters.Select(p => (p, 1.0)), weightDecay)
    {
    }

    /// <summary>Optimises each parameter at its own multiple <c>Scale</c> of the step's learning rate.</summary>
    public AdamOptimizer(IEnumerable<(Tensor Parameter, double Scale)> parameters, double weightDecay)
    {
        _weightDecay = weightDecay;
        using var noGrad = no_grad();
        _states = parameters.Select(p => (p.Parameter, zeros_like(p.Parameter).DetachFromDisposeScope(), zeros_like(p.Parameter).DetachFromDisposeScope(), p.Scale)).ToArray();
    }

    /// <summary>Steps taken so far (t of the bias corrections).</summary>
    public int Steps => _step;

    /// <summary>The first and second moment estimates, in parameter order (live tensors; for saving).</summary>
    public IReadOnlyList<(Tensor Mean, Tensor Variance)> Moments => _states.Select(s => (s.Mean, s.Variance)).ToArray();

    /// <summary>Continues from saved moments (in parameter order, shapes as the parameters') after <paramref name="steps"/> steps.</summary>
    public void Restore(int steps, IReadOnlyList<(Tensor Mean, Tensor Variance)> moments)
    {
        if (moments.Count != _states.Length)
        {
            throw new ArgumentException($"The saved optimiser state has {moments.Count} parameters; the network has {_states.Length}.");
        }
        using var noGrad = no_grad();
        for (int i = 0; i < _states.Length; i++)
        {
            _states[i].Mean.copy_(moments[i].Mean);
            _states[i].Variance.copy_(moments[i].Variance);
        }
        _step = steps;
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var (parameter, _, _, _) in _states)
        {
            parameter.grad?.zero_();
        }
    }

    /// <summary>One Adam step at learning rate <paramref name="learningRate"/> from the current gradients.</summary>
    public void Step(double learningRate)
    {
        _step++;
        double biasCorrection1 = 1 - Math.Pow(Beta1, _step);
        double biasCorrection2 = 1 - Math.Pow(Beta2, _step);
        using var noGrad = no_grad();
        using var beta1 = ScalarValue.Of(Beta1);
        using var beta2 = ScalarValue.Of(Beta2);
        using var oneMinusBeta1 = ScalarValue.Of(1 - Beta1);
        using var oneMinusBeta2 = ScalarValue.Of(1 - Beta2);
        using var epsilon = ScalarValue.Of(Epsilon);
        using var decay = ScalarValue.Of(_weightDecay);
        using var varianceScale = ScalarValue.Of(1 / Math.Sqrt(biasCorrection2));
        foreach (var (parameter, mean, variance, scale) in _states)
        {
            if (parameter.grad is not { } gradient)
            {
                continue;
            }

            using var stepSize = ScalarValue.Of(-learningRate * scale / biasCorrection1);
            using var scope = NewDisposeScope();
            var g = _weightDecay != 0 ? gradient.add(parameter, decay.Value) : gradient;
            mean.mul_(beta1.Value).add_(g, oneMinusBeta1.Value);
            variance.mul_(beta2.Value).addcmul_(g, g, oneMinusBeta2.Value);
            var denominator = variance.sqrt().mul_(varianceScale.Value).add_(epsilon.Value, ScalarValue.One);
            parameter.addcdiv_(mean, denominator, stepSize.Value);
        }
    }

    /// <summary>Frees the moment estimates.</summary>
    public void Dispose()
    {
        foreach (var (_, mean, variance, _) in _states)
        {
            mean.Dispose();
            variance.Dispose();
        }
    }
}
