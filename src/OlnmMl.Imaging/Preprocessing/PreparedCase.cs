namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// A network-ready case: <see cref="Channels"/> cubes of <see cref="Edge"/>³ floats (CT first, then PET
/// when present), x fastest, and the cropped mask.
/// </summary>
public sealed record PreparedCase(int Edge, float[][] Channels, float[] Mask);
