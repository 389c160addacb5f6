using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// The layers of the convolutional families for a number of spatial dimensions, as MONAI's
/// <c>Conv[Conv.CONV, spatial_dims]</c> factories choose them: 2 gives <c>Conv2d</c>/<c>BatchNorm2d</c>/2D pooling
/// over <c>[N, C, H, W]</c>, 3 gives <c>Conv3d</c>/<c>BatchNorm3d</c>/3D pooling over <c>[N, C, D, H, W]</c>.
/// Kernel, stride and padding are the same along every axis.
/// </summary>
internal static class SpatialLayers
{
    /// <summary>Throws unless <paramref name="spatialDims"/> is 2 or 3.</summary>
    public static int Check(int spatialDims) => spatialDims is 2 or 3
        ? spatialDims
        : throw new ArgumentOutOfRangeException(nameof(spatialDims), spatialDims, "Convolutional networks are built in 2 or 3 spatial dimensions.");

    /// <summary><c>nn.Conv2d</c> or <c>nn.Conv3d</c> (<paramref name="dilation"/> spaces the kernel's taps).</summary>
    public static Convolution Conv(int spatialDims, long inChannels, long outChannels, long kernel, long stride = 1, long padding = 0, bool bias = true, long dilation = 1) =>
        Check(spatialDims) == 2
            ? nn.Conv2d(inChannels, outChannels, kernel, stride: stride, padding: padding, dilation: dilation, bias: bias)
            : nn.Conv3d(inChannels, outChannels, kernel, stride: stride, padding: padding, dilation: dilation, bias: bias);

    /// <summary><c>nn.BatchNorm2d</c> or <c>nn.BatchNorm3d</c> with PyTorch's defaults (ε = 1e-5, momentum 0.1).</summary>
    public static BatchNorm BatchNorm(int spatialDims, long features) =>
        Check(spatialDims) == 2 ? nn.BatchNorm2d(features) : nn.BatchNorm3d(features);

    /// <summary><c>nn.AvgPool2d</c> or <c>nn.AvgPool3d</c> with kernel = stride = <paramref name="size"/>.</summary>
    public static nn.Module<Tensor, Tensor> AveragePool(int spatialDims, long size) =>
        Check(spatialDims) == 2 ? nn.AvgPool2d(size, size) : nn.AvgPool3d(size, size);

    /// <summary><c>nn.MaxPool2d</c> or <c>nn.MaxPool3d</c> (padding counts as −∞).</summary>
    public static nn.Module<Tensor, Tensor> MaxPoolLayer(int spatialDims, long kernel, long stride, long padding) =>
        Check(spatialDims) == 2 ? nn.MaxPool2d(kernel, stride, padding) : nn.MaxPool3d(kernel, stride, padding);

    /// <summary><c>max_pool2d</c>/<c>max_pool3d</c> of <paramref name="input"/> (padding counts as −∞).</summary>
    public static Tensor MaxPool(int spatialDims, Tensor input, long kernel, long stride, long padding) =>
        Check(spatialDims) == 2
            ? nn.functional.max_pool2d(input, [kernel, kernel], [stride, stride], [padding, padding])
            : nn.functional.max_pool3d(input, [kernel, kernel, kernel], [stride, stride, stride], [padding, padding, padding]);

    /// <summary>The spatial axes of a batch, <c>[2, 3]</c> or <c>[2, 3, 4]</c> (what global average pooling reduces).</summary>
    public static long[] Axes(int spatialDims) => Check(spatialDims) == 2 ? [2, 3] : [2, 3, 4];
}
