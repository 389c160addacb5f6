namespace OlnmMl.Benchmarks.Torch;

/// <summary>
/// Forward FLOPs of the 3D ResNet-18 (MedicalNet layout, one channel) on an E³ crop, counting a
/// multiply-add as 2: a k³ convolution Cin → Cout with output edge e costs 2·Cin·Cout·k³·e³.
/// Training (forward + input and weight gradients) is taken as 3× forward.
/// </summary>
public static class ResNetFlops
{
    public static double Forward18(int edge)
    {
        double Conv(int cin, int cout, int k, double e) => 2.0 * cin * cout * k * k * k * e * e * e;
        double e1 = edge / 2.0;           // stem output
        double flops = Conv(1, 64, 7, e1);
        double e = e1 / 2;                 // after max-pool
        int[] widths = [64, 128, 256, 512];
        int cin = 64;
        for (int layer = 0; layer < 4; layer++)
        {
            int w = widths[layer];
            if (layer > 0)
            {
                e = Math.Ceiling(e / 2);
            }
            flops += Conv(cin, w, 3, e) + Conv(w, w, 3, e) + Conv(w, w, 3, e) + Conv(w, w, 3, e);
            if (cin != w)
            {
                flops += Conv(cin, w, 1, e);
            }
            cin = w;
        }
        return flops;
    }

    public static double Stem(int edge) => 2.0 * 64 * 343 * Math.Pow(edge / 2.0, 3);
}
