using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// Crops (and pads where the cube leaves the image) an edge³ cube centred on the centre of the
/// mask's bounding box. The first cube voxel along each axis is ⌊(min + max + 1)/2⌋ − ⌊edge/2⌋; its
/// geometry keeps spacing and direction and moves the origin to that voxel.
/// </summary>
public static class CubeCrop
{
    /// <summary>Start index (per axis) of the cube of <paramref name="edge"/> around <paramref name="bounds"/>.</summary>
    public static (int X, int Y, int Z) Start(MaskBounds bounds, int edge) => (
        (bounds.MinX + bounds.MaxX + 1) / 2 - edge / 2,
        (bounds.MinY + bounds.MaxY + 1) / 2 - edge / 2,
        (bounds.MinZ + bounds.MaxZ + 1) / 2 - edge / 2);

    /// <summary>
    /// The cube of <paramref name="volume"/> starting at <paramref name="start"/>; voxels outside the image take
    /// <paramref name="padValue"/>.
    /// </summary>
    public static Volume Extract(Volume volume, (int X, int Y, int Z) start, int edge, float padValue)
    {
        var size = volume.Size;
        var output = new float[(long)edge * edge * edge];
        var cube = GridSize.Cube(edge);
        for (var z = 0; z < edge; z++)
        {
            var sz = start.Z + z;
            for (var y = 0; y < edge; y++)
            {
                var sy = start.Y + y;
                var row = output.AsSpan(cube.Index(0, y, z), edge);
                if ((uint)sz >= (uint)size.Z || (uint)sy >= (uint)size.Y)
                {
                    row.Fill(padValue);
                    continue;
                }

                for (var x = 0; x < edge; x++)
                {
                    var sx = start.X + x;
                    row[x] = (uint)sx < (uint)size.X ? volume.Voxels[size.Index(sx, sy, sz)] : padValue;
                }
            }
        }

        var geometry = volume.Geometry;
        var origin = geometry.IndexToPhysical(start.X, start.Y, start.Z);
        return new Volume(new ImageGeometry(cube, geometry.Spacing, origin, geometry.Direction), output);
    }
}
