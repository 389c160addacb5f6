namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// Cuts one 2.5D instance channel group from a volume: for offsets d = −k … +k, the slice at index
/// clamp(n + d, 0, N − 1) along the plane's normal (a neighbour beyond the image replicates the edge slice), cropped to
/// S×S pixels whose first column and row are centre.U − ⌊S/2⌋ and centre.V − ⌊S/2⌋. Pixels outside the image take the pad
/// value. Output: (2k + 1) slices of S rows of S values, offset-major, row-major (column fastest). Allocates nothing.
/// </summary>
public static class SliceCrop
{
    /// <summary>
    /// Writes the (2·<paramref name="neighbours"/> + 1)·S² values of plane <paramref name="plane"/> at slice
    /// <paramref name="index"/> around <paramref name="centre"/> (column, row) of <paramref name="volume"/> into
    /// <paramref name="destination"/>.
    /// </summary>
    public static void Extract(
        Volume volume, SlicePlane plane, int index, (int U, int V) centre, int size, int neighbours, float padValue, Span<float> destination)
    {
        var grid = volume.Size;
        var (u, v, normal) = SlicePlanes.Axes(plane);
        Span<int> strides = [1, grid.X, grid.X * grid.Y];
        int strideU = strides[u], strideV = strides[v], strideN = strides[normal];
        int lengthU = grid[u], lengthV = grid[v], lengthN = grid[normal];
        int firstU = centre.U - size / 2, firstV = centre.V - size / 2;
        var voxels = volume.Voxels;
        for (var d = -neighbours; d <= neighbours; d++)
        {
            var slice = Math.Clamp(index + d, 0, lengthN - 1) * strideN;
            var output = destination.Slice((d + neighbours) * size * size, size * size);
            for (var r = 0; r < size; r++)
            {
                var row = output.Slice(r * size, size);
                var sv = firstV + r;
                if ((uint)sv >= (uint)lengthV)
                {
                    row.Fill(padValue);
                    continue;
                }

                var start = slice + sv * strideV;
                for (var c = 0; c < size; c++)
                {
                    var su = firstU + c;
                    row[c] = (uint)su < (uint)lengthU ? voxels[start + su * strideU] : padValue;
                }
            }
        }
    }
}
