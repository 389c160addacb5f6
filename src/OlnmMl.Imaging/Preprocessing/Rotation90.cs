using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// Rotation of a cubic volume by k·90° in one plane of voxel axes (data augmentation). For the
/// (x, y) plane and k = 1, output(x, y, z) = input(y, n − 1 − x, z). The geometry is kept: the
/// result is a training sample, not an image in patient space.
/// </summary>
public static class Rotation90
{
    /// <summary>The plane of rotation, named by its two voxel axes.</summary>
    public enum Plane
    {
        /// <summary>Axial plane (x, y).</summary>
        XY,

        /// <summary>Coronal plane (x, z).</summary>
        XZ,

        /// <summary>Sagittal plane (y, z).</summary>
        YZ,
    }

    /// <summary>Rotates <paramref name="volume"/> by <paramref name="quarterTurns"/>·90° in <paramref name="plane"/>.</summary>
    /// <exception cref="ArgumentException">The two axes of the plane have different lengths.</exception>
    public static Volume Rotate(Volume volume, int quarterTurns, Plane plane)
    {
        var (a, b) = plane switch
        {
            Plane.XY => (0, 1),
            Plane.XZ => (0, 2),
            _ => (1, 2),
        };
        var size = volume.Size;
        if (size[a] != size[b])
        {
            throw new ArgumentException($"A 90° rotation in the {plane} plane needs equal axis lengths, got {size}.", nameof(volume));
        }

        var turns = ((quarterTurns % 4) + 4) % 4;
        if (turns == 0)
        {
            return volume.Clone();
        }

        var n = size[a];
        var output = new float[volume.Voxels.Length];
        Span<int> source = stackalloc int[3];
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    source[0] = x;
                    source[1] = y;
                    source[2] = z;
                    int u = source[a], v = source[b];
                    (source[a], source[b]) = turns switch
                    {
                        1 => (v, n - 1 - u),
                        2 => (n - 1 - u, n - 1 - v),
                        _ => (n - 1 - v, u),
                    };
                    output[size.Index(x, y, z)] = volume.Voxels[size.Index(source[0], source[1], source[2])];
                }
            }
        }

        return new Volume(volume.Geometry, output);
    }
}
