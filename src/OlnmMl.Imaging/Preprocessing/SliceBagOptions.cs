using System.Globalization;
using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// The slice-bag recipe of a 2.5D multi-instance study: how a case becomes a bag of 2D instances of shape
/// [C, S, S] with C = <see cref="Channels"/>.Count · (2·<see cref="Neighbours"/> + 1) and S = <see cref="Size"/>.
/// The CT fixes the target grid (its axes at <see cref="Spacing"/> mm; the mask nearest-neighbour, as for cube crops).
/// <list type="bullet">
/// <item>Instances: the axial slices with mask chosen by <see cref="Selection"/> (<see cref="SelectionCount"/> = K or N),
/// then, with <see cref="Orthogonal"/>, the coronal and the sagittal plane through the tumour centroid; axial instances
/// in ascending slice index, then coronal, then sagittal.</item>
/// <item>Bag size: at most <see cref="MaxInstances"/>. When more axial slices are selected than fit (the maximum less
/// the two orthogonal planes), the ones with the largest mask cross-section are kept (ties: lower slice index), still in
/// slice order — a large tumour is subsampled, never rejected.</item>
/// <item>Placement: every instance is an S×S crop centred on the whole tumour's centroid (mean mask voxel index,
/// rounded half up) in its plane, the same window for every slice, so neighbouring instances stay registered; the first
/// pixel is round(centroid) − ⌊S/2⌋. Pixels outside the image take the channel's window lower bound (0 after scaling).</item>
/// <item>Channels: recipe channel-major, then slice offset −k … +k along the plane's normal (k = <see cref="Neighbours"/>;
/// for k = 1: −1, 0, +1). A neighbour beyond the image (the tumour touches the first or last slice) replicates the
/// edge slice (the index is clamped); neighbours within the image are read whether or not they hold mask.</item>
/// <item>Intensities: each channel resampled (trilinear) and scaled by its <see cref="ChannelRecipe.Window"/> to [0, 1],
/// as for cube crops.</item>
/// </list>
/// </summary>
public sealed record SliceBagOptions
{
    /// <summary>Isotropic target spacing in mm.</summary>
    public double Spacing { get; init; } = 1.0;

    /// <summary>Instance edge S in pixels (at <see cref="Spacing"/>).</summary>
    public int Size { get; init; } = 64;

    /// <summary>Neighbouring slices k on each side, stacked as channels (1 gives slices −1, 0, +1).</summary>
    public int Neighbours { get; init; } = 1;

    /// <summary>The image channels in order (each a case image key and its intensity window).</summary>
    public IReadOnlyList<ChannelRecipe> Channels { get; init; } = [ChannelRecipe.Ct];

    /// <summary>How axial slices are chosen.</summary>
    public SliceSelection Selection { get; init; } = SliceSelection.All;

    /// <summary>K for <see cref="SliceSelection.Largest"/>, N for <see cref="SliceSelection.EveryNth"/>; ignored for <see cref="SliceSelection.All"/>.</summary>
    public int SelectionCount { get; init; } = 1;

    /// <summary>When true, the coronal and sagittal planes through the tumour centroid are added as two instances.</summary>
    public bool Orthogonal { get; init; }

    /// <summary>The most instances in one bag (orthogonal planes included).</summary>
    public int MaxInstances { get; init; } = 32;

    /// <summary>The isotropic spacing as a vector.</summary>
    public Vec3 SpacingVector => new(Spacing, Spacing, Spacing);

    /// <summary>The image keys of <see cref="Channels"/>, in order.</summary>
    public IReadOnlyList<string> ChannelKeys => Channels.Select(c => c.Key).ToArray();

    /// <summary>Slices per image channel: 2·<see cref="Neighbours"/> + 1.</summary>
    public int SlicesPerChannel => 2 * Neighbours + 1;

    /// <summary>Channels C of one instance: <see cref="Channels"/>.Count · (2k + 1).</summary>
    public int InstanceChannels => Channels.Count * SlicesPerChannel;

    /// <summary>Values per instance: C·S².</summary>
    public int InstanceLength => InstanceChannels * Size * Size;

    /// <summary>The most axial instances: <see cref="MaxInstances"/> less the orthogonal planes.</summary>
    public int MaxAxial => MaxInstances - (Orthogonal ? 2 : 0);

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentException">Spacing, size, selection count or maximum is not positive, neighbours are negative, there is no channel, or the maximum leaves no room for an axial slice.</exception>
    public void Validate()
    {
        if (!(Spacing > 0 && double.IsFinite(Spacing)) || Size < 1 || Neighbours < 0 || SelectionCount < 1 || Channels.Count == 0 || MaxAxial < 1)
        {
            throw new ArgumentException($"Invalid slice-bag options ({Fingerprint()}): spacing, size and selection count must be positive, neighbours ≥ 0, at least one channel, and the maximum bag size must leave room for one axial slice.");
        }
    }

    /// <summary>A short stable text of every setting, used in cache keys and written into saved models.</summary>
    public string Fingerprint() => string.Create(
        CultureInfo.InvariantCulture,
        $"bags-v1;s={Spacing};px={Size};k={Neighbours};c={string.Join('+', Channels.Select(c => c.Fingerprint()))};sel={Selection}:{(Selection == SliceSelection.All ? 0 : SelectionCount)};orth={Orthogonal};max={MaxInstances}");

    /// <summary>One line for a person: e.g. <c>ct[-1600,400], 3 slices of 64² at 1 mm, all axial mask slices, ≤ 32 per bag</c>.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{string.Join(" + ", Channels.Select(c => c.Fingerprint()))}, {SlicesPerChannel} slices of {Size}² at {Spacing} mm, {DescribeSelection()}{(Orthogonal ? " + coronal + sagittal" : "")}, ≤ {MaxInstances} per bag");

    private string DescribeSelection() => Selection switch
    {
        SliceSelection.Largest => $"the {SelectionCount} largest axial mask slices",
        SliceSelection.EveryNth => $"every {SelectionCount}-th axial mask slice",
        _ => "all axial mask slices",
    };
}
