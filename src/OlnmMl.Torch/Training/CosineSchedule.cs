namespace OlnmMl.Torch.Training;

/// <summary>
/// Learning rate held at η₀ for epochs e &lt; s, then cosine decay to 0 at the last epoch:
/// η(e) = η₀ · ½ (1 + cos(π (e − s) / (E − s))) for s ≤ e &lt; E (epochs counted from 0).
/// </summary>
public static class CosineSchedule
{
    /// <summary>η(e) for base rate <paramref name="baseRate"/>, <paramref name="epochs"/> E and decay start s.</summary>
    public static double Rate(double baseRate, int epoch, int epochs, int decayStart)
    {
        if (epoch < decayStart || epochs <= decayStart)
        {
            return baseRate;
        }
        return baseRate * 0.5 * (1 + Math.Cos(Math.PI * (epoch - decayStart) / (epochs - decayStart)));
    }
}
