namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// Turns a case's named images into a <see cref="SliceBag"/> by its <see cref="SliceBagOptions"/> recipe: read the CT and
/// mask and resample to the target grid (<see cref="ResampledCase"/>, as for cube crops), choose the axial slices
/// (<see cref="SliceBagSelection"/>) and, with <see cref="SliceBagOptions.Orthogonal"/>, the coronal and sagittal planes
/// through the centroid (<see cref="MaskProfile"/>), then for every recipe channel resample its image onto the grid and cut
/// each instance's 2k + 1 slices (<see cref="SliceCrop"/>), scaled by the channel's window. Instance i's channel
/// r·(2k + 1) + (d + k) is recipe channel r at slice offset d.
/// </summary>
public static class SliceBagPreprocessor
{
    /// <summary>Prepares one case's bag from its images by key.</summary>
    /// <exception cref="VolumeFormatException">An image the recipe needs is missing or unreadable, the mask is off the CT grid, or the mask is empty (the message names the mask file).</exception>
    /// <exception cref="ArgumentException">The options are out of range (<see cref="SliceBagOptions.Validate"/>).</exception>
    public static SliceBag Prepare(IReadOnlyDictionary<string, string> images, SliceBagOptions options)
    {
        options.Validate();
        var resampled = ResampledCase.Read(images, options.SpacingVector);
        var profile = MaskProfile.Of(resampled.Mask)!; // ResampledCase.Read rejects an empty mask, naming its file
        var instances = Instances(profile, options);
        var (size, slices) = (options.Size, options.SlicesPerChannel);
        var group = slices * size * size;
        var values = new float[instances.Length * options.InstanceLength];
        for (var r = 0; r < options.Channels.Count; r++)
        {
            var recipe = options.Channels[r];
            var volume = resampled.Channel(recipe);
            for (var i = 0; i < instances.Length; i++)
            {
                var (u, v, _) = SlicePlanes.Axes(instances[i].Plane);
                var destination = values.AsSpan((i * options.InstanceChannels + r * slices) * size * size, group);
                SliceCrop.Extract(
                    volume, instances[i].Plane, instances[i].Index, (profile.CentroidOn(u), profile.CentroidOn(v)), size, options.Neighbours, recipe.Window.Lower, destination);
                recipe.Window.ApplyInPlace(destination);
                ResampledCase.ThrowIfNotFinite(resampled.PathOf(recipe.ImageKey), destination);
            }
        }

        return new SliceBag(options.InstanceChannels, size, instances, values);
    }

    private static SliceInstance[] Instances(MaskProfile profile, SliceBagOptions options)
    {
        var axial = SliceBagSelection.Select(profile.Areas[2], options).Select(z => new SliceInstance(SlicePlane.Axial, z, profile.Areas[2][z]));
        var orthogonal = options.Orthogonal
            ? new[] { SlicePlane.Coronal, SlicePlane.Sagittal }.Select(plane => Through(profile, plane))
            : [];
        return [.. axial, .. orthogonal];
    }

    private static SliceInstance Through(MaskProfile profile, SlicePlane plane)
    {
        var normal = SlicePlanes.Axes(plane).Normal;
        var index = profile.CentroidOn(normal);
        return new SliceInstance(plane, index, profile.Areas[normal][index]);
    }
}
