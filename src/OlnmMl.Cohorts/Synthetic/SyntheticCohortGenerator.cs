using System.Globalization;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// Entry point of <c>olnm cohort generate</c>: writes a synthetic multi-centre study — CT as int16 NIfTI
/// (<c>images/&lt;id&gt;.nii.gz</c>), masks as uint8 (<c>masks/&lt;id&gt;.nii.gz</c>), <c>manifest.csv</c> and
/// <c>datalist.json</c>; a PET/CT study adds the PET in SUV as float32 NIfTI (<c>images/&lt;id&gt;_pet.nii.gz</c>, image
/// key <c>pet</c>), the targets n1 and n2, follow-up (time in months, event = recurrence) and the side. Cases stream
/// (one case's volumes in memory per worker), run in parallel and are written atomically; each depends only on (seed, case index), so the output is byte-identical for a seed whatever the
/// parallelism. A marker <c>cohort.complete.json</c> (generator version, preset, seed, case count) written last
/// lets a later call with the same options reuse the folder; an interrupted run with the same options resumes,
/// keeping the case files already written. Beside the manifest it writes <see cref="SyntheticTruth.FileName"/>, the
/// label model's probabilities and the latent factors per case (<see cref="SyntheticTruth"/>): the manifest does not
/// reference it and no reader of the pipeline opens it, so it can never be selected as a feature; a complete folder
/// written before the truth file existed gains it on the next call, its images kept.
/// </summary>
public static class SyntheticCohortGenerator
{
    /// <summary>Generator version; bump whenever the output for a given seed changes.</summary>
    public const int Version = 3;

    private const string CompleteMarker = "cohort.complete.json";
    private const string PartialMarker = "cohort.partial.json";

    /// <summary>
    /// Generates (or reuses) the study described by <paramref name="options"/>. <paramref name="progress"/> is
    /// reported from worker threads after each case (an <see cref="IProgress{T}"/> that needs a particular thread
    /// must marshal itself).
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; files already written stay valid for a resume.</exception>
    public static SyntheticCohortResult Generate(
        SyntheticCohortOptions options, IProgress<CohortProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Preset == CohortPreset.Unlabeled)
        {
            throw new ArgumentException("The unlabeled preset has no manifest or labels; generate it with GenerateUnlabeled.");
        }

        var output = Path.GetFullPath(options.OutputDirectory);
        var design = StudyDesign.For(options.Preset);
        var slots = design.Slots();
        var manifestPath = Path.Combine(output, "manifest.csv");
        var datalistPath = Path.Combine(output, "datalist.json");
        var key = MarkerText(options, slots.Count);
        var completePath = Path.Combine(output, CompleteMarker);
        var truthPath = Path.Combine(output, SyntheticTruth.FileName);
        var complete = File.Exists(completePath) && File.ReadAllText(completePath) == key;
        if (complete && File.Exists(manifestPath) && File.Exists(datalistPath) && File.Exists(truthPath))
        {
            progress?.Report(new CohortProgress(slots.Count, slots.Count, slots[^1].Id));
            return new SyntheticCohortResult(output, manifestPath, datalistPath, slots.Count, Reused: true);
        }

        var cases = WriteAll(output, key, complete, slots, i => slots[i].Id, (i, buffers) => WriteCase(design, slots[i], options.Seed, output, buffers), options, progress, cancellationToken);
        CsvManifest.Write(cases.Select(c => c.Case).ToArray(), manifestPath);
        DatalistJson.Write(cases.Select(c => c.Case).ToArray(), datalistPath);
        SyntheticTruth.Write(cases.Select(c => c.Truth).ToArray(), truthPath);
        Finish(output, key);
        return new SyntheticCohortResult(output, manifestPath, datalistPath, slots.Count, Reused: false);
    }

    /// <summary>
    /// Generates (or reuses) the <see cref="CohortPreset.Unlabeled"/> volumes of <paramref name="options"/>: <see cref="SyntheticCohortOptions.Count"/>
    /// CTs and tumour masks (<c>images/u-&lt;centre&gt;-&lt;n&gt;.nii.gz</c>, <c>masks/…</c>) drawn as the labelled presets draw theirs,
    /// on <see cref="CohortPreset.Quick"/>'s grid over all six centres (<see cref="StudyDesign.Unlabeled"/>), from the case streams of
    /// seed ⊕ <see cref="UnlabeledStream"/> so no volume repeats a patient of a labelled cohort with the same seed. No manifest, label
    /// or truth file is written: the folder is the input of <c>olnm pretrain --data</c>. Resumable and reusable as <see cref="Generate"/>.
    /// </summary>
    public static UnlabeledCohortResult GenerateUnlabeled(
        SyntheticCohortOptions options, IProgress<CohortProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var output = Path.GetFullPath(options.OutputDirectory);
        var design = StudyDesign.Unlabeled(options.Count);
        var slots = design.Slots();
        var key = MarkerText(options with { Preset = CohortPreset.Unlabeled }, slots.Count);
        var completePath = Path.Combine(output, CompleteMarker);
        var images = Path.Combine(output, "images");
        if (File.Exists(completePath) && File.ReadAllText(completePath) == key)
        {
            progress?.Report(new CohortProgress(slots.Count, slots.Count, slots[^1].Id));
            return new UnlabeledCohortResult(output, images, slots.Count, Reused: true);
        }

        WriteAll(output, key, complete: false, slots, i => UnlabeledId(slots[i]), (i, buffers) =>
        {
            var (imagePath, maskPath) = (Path.Combine(images, UnlabeledId(slots[i]) + ".nii.gz"), Path.Combine(output, "masks", UnlabeledId(slots[i]) + ".nii.gz"));
            if (!File.Exists(imagePath) || !File.Exists(maskPath))
            {
                var (_, image, mask) = SyntheticCase.Create(design, slots[i], options.Seed ^ UnlabeledStream, buffers);
                NiftiWriter.Write(image, imagePath, VoxelType.Int16);
                NiftiWriter.Write(mask, maskPath, VoxelType.UInt8);
            }

            return true;
        }, options, progress, cancellationToken);
        Finish(output, key);
        return new UnlabeledCohortResult(output, images, slots.Count, Reused: false);
    }

    /// <summary>Mixed into the seed of unlabelled volumes, so their case streams differ from the labelled presets'.</summary>
    public const ulong UnlabeledStream = 0x554E4C4142454CUL; // "UNLABEL"

    private static string UnlabeledId(CaseSlot slot) => "u-" + slot.Id;

    /// <summary>
    /// Writes every case in parallel (each worker reusing its voxel buffers), resuming after an interruption: files of a partial
    /// run with the same <paramref name="key"/> (or of a complete one being regenerated) are kept, stale ones deleted.
    /// </summary>
    private static T[] WriteAll<T>(
        string output, string key, bool complete, IReadOnlyList<CaseSlot> slots, Func<int, string> idOf, Func<int, VoxelBuffers, T> write,
        SyntheticCohortOptions options, IProgress<CohortProgress>? progress, CancellationToken cancellationToken)
    {
        var completePath = Path.Combine(output, CompleteMarker);
        var partialPath = Path.Combine(output, PartialMarker);
        var resume = complete || (File.Exists(partialPath) && File.ReadAllText(partialPath) == key);
        Directory.CreateDirectory(output);
        File.Delete(completePath);
        if (!resume)
        {
            foreach (var folder in new[] { "images", "masks" }.Select(f => Path.Combine(output, f)).Where(Directory.Exists))
            {
                foreach (var stale in Directory.EnumerateFiles(folder, "*.nii.gz"))
                {
                    File.Delete(stale);
                }
            }
        }

        DurableFile.WriteAllText(partialPath, key);
        var results = new T[slots.Count];
        var completed = 0;
        var workers = options.MaxDegreeOfParallelism > 0 ? options.MaxDegreeOfParallelism : Environment.ProcessorCount;
        Parallel.For(
            0,
            slots.Count,
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            () => new VoxelBuffers(),
            (i, _, buffers) =>
            {
                results[i] = write(i, buffers);
                progress?.Report(new CohortProgress(Interlocked.Increment(ref completed), slots.Count, idOf(i)));
                return buffers;
            },
            _ => { });
        return results;
    }

    /// <summary>Marks the output complete (the marker written last) and removes the partial marker.</summary>
    private static void Finish(string output, string key)
    {
        DurableFile.WriteAllText(Path.Combine(output, CompleteMarker), key);
        File.Delete(Path.Combine(output, PartialMarker));
    }

    private static (Case Case, SyntheticTruth Truth) WriteCase(StudyDesign design, CaseSlot slot, ulong seed, string output, VoxelBuffers buffers) =>
        design.PetCt ? WritePetCtCase(design, slot, seed, output, buffers) : WriteCtCase(design, slot, seed, output, buffers);

    private static (Case Case, SyntheticTruth Truth) WriteCtCase(StudyDesign design, CaseSlot slot, ulong seed, string output, VoxelBuffers buffers)
    {
        var imagePath = Path.Combine(output, "images", slot.Id + ".nii.gz");
        var maskPath = Path.Combine(output, "masks", slot.Id + ".nii.gz");
        var (patient, image, mask) = SyntheticCase.Create(design, slot, seed, buffers);
        if (!File.Exists(imagePath) || !File.Exists(maskPath))
        {
            NiftiWriter.Write(image, imagePath, VoxelType.Int16);
            NiftiWriter.Write(mask, maskPath, VoxelType.UInt8);
        }

        var clinical = new ClinicalVariables(
            patient.Age, patient.Sex, patient.DiameterCm, patient.Density, patient.Location, slot.Centre.Scanner.ContrastEnhanced,
            new Dictionary<string, string>());
        var @case = Case.Create(
            slot.Id, slot.Centre.Name, slot.Role, slot.Label, imagePath, maskPath, clinical, moreTargets: new Dictionary<string, int> { ["n2"] = LabelN2(slot, seed) });
        return (@case, SyntheticTruth.Of(slot.Id, patient, slot.Centre.LogitShift));
    }

    /// <summary>
    /// A PET/CT case: CT, mask and PET; targets label = pN+ (N1 or N2), n1 = N1 (N2 counts as 0, so its prevalence is
    /// that of the whole cohort, as published), n2 = N2; follow-up from <see cref="RecurrenceModel"/> on its own RNG stream.
    /// </summary>
    private static (Case Case, SyntheticTruth Truth) WritePetCtCase(StudyDesign design, CaseSlot slot, ulong seed, string output, VoxelBuffers buffers)
    {
        var imagePath = Path.Combine(output, "images", slot.Id + ".nii.gz");
        var maskPath = Path.Combine(output, "masks", slot.Id + ".nii.gz");
        var petPath = Path.Combine(output, "images", slot.Id + "_pet.nii.gz");
        var petCt = SyntheticPetCtCase.Create(design, slot, seed, buffers);
        if (!File.Exists(imagePath) || !File.Exists(maskPath) || !File.Exists(petPath))
        {
            NiftiWriter.Write(petCt.Image, imagePath, VoxelType.Int16);
            NiftiWriter.Write(petCt.Mask, maskPath, VoxelType.UInt8);
            NiftiWriter.Write(petCt.Pet, petPath, VoxelType.Float32);
        }

        var patient = petCt.Patient.Ct;
        var clinical = new ClinicalVariables(
            patient.Age, patient.Sex, patient.DiameterCm, patient.Density, patient.Location, slot.Centre.Scanner.ContrastEnhanced,
            new Dictionary<string, string> { [PetCtPatient.SideColumn] = petCt.Patient.Side });
        var targets = new Dictionary<string, int>
        {
            ["n1"] = petCt.Stage == NodalStage.N1 ? 1 : 0,
            ["n2"] = petCt.Stage == NodalStage.N2 ? 1 : 0,
        };
        var @case = Case.Create(
            slot.Id, slot.Centre.Name, slot.Role, slot.Label, imagePath, maskPath, clinical,
            moreImages: new Dictionary<string, string> { [ImageKeys.Pet] = petPath },
            moreTargets: targets,
            followUp: FollowUpOf(petCt.Stage, slot, seed));
        return (@case, SyntheticTruth.Of(slot.Id, petCt.Patient, slot.Centre.LogitShift));
    }

    /// <summary>The follow-up of a PET/CT case, from its own RNG stream (so it can be simulated without rendering images).</summary>
    private static FollowUp FollowUpOf(NodalStage stage, CaseSlot slot, ulong seed) =>
        RecurrenceModel.Sample(stage, new CaseRandom(seed ^ 0x5245435552UL, (ulong)slot.Index));

    /// <summary>N2 among pN+: 42 % (8.4 % of 20.0 % occult N+ in the PET/CT study), from its own RNG stream.</summary>
    private static int LabelN2(CaseSlot slot, ulong seed) =>
        slot.Label == 1 && new CaseRandom(seed ^ 0x4E32UL, (ulong)slot.Index).Bernoulli(0.42) ? 1 : 0;

    private static string MarkerText(SyntheticCohortOptions options, int caseCount) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"generator\": \"OlnmMl.Cohorts.Synthetic/{Version}\", \"preset\": \"{CohortPresetNames.Of(options.Preset)}\", \"seed\": {options.Seed}, \"cases\": {caseCount}}}\n");
}
