namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// How one centre's scanner and protocol turn the phantom into a CT: the centre differences that make
/// cross-centre generalisation a real problem.
/// </summary>
/// <param name="PixelSpacingMm">In-plane voxel size (mm).</param>
/// <param name="SliceThicknessMm">Slice thickness = slice spacing (mm, 0.6–2): anisotropic voxels and a Gaussian slice profile of FWHM = thickness.</param>
/// <param name="NoiseSd">SD of white Gaussian noise added after the reconstruction blur (HU).</param>
/// <param name="BlurSigmaMm">In-plane Gaussian blur σ of the reconstruction kernel (mm): larger = smoother/less sharp.</param>
/// <param name="HuOffset">Calibration offset added to every voxel (HU).</param>
/// <param name="ContrastEnhanced">Intravenous contrast: vessels ≈ +180 HU, solid tissue +25 HU.</param>
public sealed record ScannerProfile(
    double PixelSpacingMm, double SliceThicknessMm, double NoiseSd, double BlurSigmaMm, double HuOffset, bool ContrastEnhanced);

/// <summary>
/// How one centre's PET (of a PET/CT) turns the phantom's activity into an SUV image: its own, coarser grid, the
/// scanner's resolution (Gaussian PSF), count noise and calibration.
/// </summary>
/// <param name="PixelSpacingMm">In-plane voxel size (mm, ≈ 4).</param>
/// <param name="SliceThicknessMm">Slice spacing (mm, 3–4).</param>
/// <param name="FwhmMm">Full width at half maximum of the isotropic Gaussian point-spread function (mm, 6–7).</param>
/// <param name="NoiseScale">Noise SD per √SUV: a voxel of activity a gets Gaussian noise of SD NoiseScale·√a.</param>
/// <param name="SuvScale">Calibration factor applied to every SUV (cross-scanner differences, ≈ 1).</param>
public sealed record PetScannerProfile(double PixelSpacingMm, double SliceThicknessMm, double FwhmMm, double NoiseScale, double SuvScale);

/// <summary>A centre of the synthetic study: its name, scanner, and a population shift of the label model's intercept.</summary>
/// <param name="Name">Centre name (e.g. <c>h1</c>).</param>
/// <param name="Scanner">Scanner and protocol.</param>
/// <param name="LogitShift">Added to the label model's logit (the nodal-stage model's for PET/CT) for this centre's population (case mix).</param>
/// <param name="Pet">The PET of a PET/CT centre; null for a CT-only centre.</param>
public sealed record CentreProfile(string Name, ScannerProfile Scanner, double LogitShift, PetScannerProfile? Pet = null);
