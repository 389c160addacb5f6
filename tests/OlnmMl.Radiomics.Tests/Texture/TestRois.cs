using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Tests.Texture;

/// <summary>Small hand-made ROIs for hand-calculated texture tests (grey level 0 = outside the ROI).</summary>
public static class TestRois
{
    /// <summary>One axial slice; <paramref name="rows"/>[y][x].</summary>
    public static DiscretisedRoi Slice(int levelCount, params int[][] rows) => Volume(levelCount, [rows]);

    /// <summary>A line of voxels along x.</summary>
    public static DiscretisedRoi Row(int levelCount, params int[] greyAlongX) => Slice(levelCount, greyAlongX);

    /// <summary>A volume; <paramref name="slices"/>[z][y][x].</summary>
    public static DiscretisedRoi Volume(int levelCount, int[][][] slices)
    {
        var size = new GridSize(slices[0][0].Length, slices[0].Length, slices.Length);
        var grey = new int[size.Count];
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    grey[size.Index(x, y, z)] = slices[z][y][x];
                }
            }
        }

        return new DiscretisedRoi(size, new Vec3(1, 1, 1), grey, levelCount, grey.Select(g => g > 0).ToArray());
    }

    /// <summary>A cube of <paramref name="edge"/>³ voxels of one grey level.</summary>
    public static DiscretisedRoi Constant(int edge, int grey, int levelCount) =>
        Volume(levelCount, Enumerable.Range(0, edge).Select(_ => Enumerable.Range(0, edge).Select(_ => Enumerable.Repeat(grey, edge).ToArray()).ToArray()).ToArray());

    /// <summary>The ROI mirrored along <paramref name="axis"/> (0 = x, 1 = y, 2 = z).</summary>
    public static DiscretisedRoi Mirror(DiscretisedRoi roi, int axis)
    {
        var size = roi.Size;
        var grey = new int[roi.GreyLevels.Length];
        var mask = new bool[grey.Length];
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    var target = axis switch
                    {
                        0 => size.Index(size.X - 1 - x, y, z),
                        1 => size.Index(x, size.Y - 1 - y, z),
                        _ => size.Index(x, y, size.Z - 1 - z),
                    };
                    grey[target] = roi.GreyLevels[size.Index(x, y, z)];
                    mask[target] = roi.MorphologicalMask[size.Index(x, y, z)];
                }
            }
        }

        return roi with { GreyLevels = grey, MorphologicalMask = mask };
    }

    /// <summary>The value of feature <paramref name="code"/> under aggregation <paramref name="aggregation"/>.</summary>
    public static double Value(this IReadOnlyList<FeatureValue> features, string code, string aggregation) =>
        features.Single(f => f.IbsiFeature == code && f.IbsiAggregation == aggregation).Value;
}
