namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// The map between a numeric range [low, high] and the unit interval: u = (x − low)/(high − low), or on the
/// log scale u = (ln x − ln low)/(ln high − ln low).
/// </summary>
internal readonly record struct NumericScale(string Name, double Low, double High, bool Log)
{
    public static NumericScale Create(string name, double low, double high, bool log)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || low > high)
        {
            throw new ArgumentException($"Parameter '{name}' needs finite bounds with low <= high, got [{low}, {high}].");
        }

        if (log && low <= 0)
        {
            throw new ArgumentException($"Log-scale parameter '{name}' needs low > 0, got {low}.");
        }

        return new NumericScale(name, low, high, log);
    }

    public double ToUnit(double x)
    {
        if (High == Low)
        {
            return 0.5;
        }

        return Log ? (Math.Log(x) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)) : (x - Low) / (High - Low);
    }

    public double FromUnit(double unit)
    {
        var u = Math.Clamp(unit, 0, 1);
        var x = Log ? Math.Exp(Math.Log(Low) + (u * (Math.Log(High) - Math.Log(Low)))) : Low + (u * (High - Low));
        return Math.Clamp(x, Low, High);
    }
}
