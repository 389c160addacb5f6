using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>The inclusive voxel bounding box of a mask's inside voxels (value &gt; 0.5).</summary>
public readonly record struct MaskBounds(int MinX, int MinY, int MinZ, int MaxX, int MaxY, int MaxZ)
{
    /// <summary>Edge lengths in voxels (max − min + 1).</summary>
    public GridSize Extent => new(MaxX - MinX + 1, MaxY - MinY + 1, MaxZ - MinZ + 1);

    /// <summary>Bounding box of <paramref name="mask"/>, or null when the mask is empty.</summary>
    public static MaskBounds? Of(Volume mask)
    {
        var size = mask.Size;
        int minX = int.MaxValue, minY = int.MaxValue, minZ = int.MaxValue, maxX = -1, maxY = -1, maxZ = -1;
        var voxels = mask.Voxels;
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                var row = size.Index(0, y, z);
                for (var x = 0; x < size.X; x++)
                {
                    if (voxels[row + x] > 0.5f)
                    {
                        minX = Math.Min(minX, x);
                        maxX = Math.Max(maxX, x);
                        minY = Math.Min(minY, y);
                        maxY = Math.Max(maxY, y);
                        minZ = Math.Min(minZ, z);
                        maxZ = Math.Max(maxZ, z);
                    }
                }
            }
        }

        return maxX < 0 ? null : new MaskBounds(minX, minY, minZ, maxX, maxY, maxZ);
    }
}
