using Microsoft.ML;

namespace OlnmMl.Torch;

/// <summary><c>mlContext.Torch()</c>: the OlnmMl.Torch components on the caller's context.</summary>
public static class TorchCatalogExtensions
{
    /// <summary>The catalog of OlnmMl.Torch components built on <paramref name="mlContext"/>.</summary>
    public static TorchCatalog Torch(this MLContext mlContext)
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        return new TorchCatalog(mlContext);
    }
}
