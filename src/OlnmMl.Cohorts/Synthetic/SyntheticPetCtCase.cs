using OlnmMl.Imaging;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>One synthetic PET/CT case: the patient, its nodal stage, the CT and mask (as <see cref="SyntheticCase"/>) and the PET in SUV.</summary>
/// <param name="Patient">The generative truth.</param>
/// <param name="Stage">Pathological nodal stage (the slot's).</param>
/// <param name="Image">CT in HU, integer-valued, on the centre's CT grid.</param>
/// <param name="Mask">Tumour mask on the CT grid.</param>
/// <param name="Pet">PET in SUV (≥ 0) on its own grid, co-registered with the CT (<see cref="SyntheticPet"/>).</param>
public sealed record SyntheticPetCtCase(PetCtPatient Patient, NodalStage Stage, Volume Image, Volume Mask, Volume Pet)
{
    /// <summary>
    /// The case of <paramref name="slot"/> (a slot of a PET/CT design): the patient drawn given the slot's stage
    /// (<see cref="NodalStageModel.SampleGiven"/>), its CT, then its PET, every draw from <see cref="CaseRandom"/>(seed, index).
    /// </summary>
    /// <exception cref="ArgumentException">The slot has no stage or its centre no PET.</exception>
    public static SyntheticPetCtCase Create(StudyDesign design, CaseSlot slot, ulong seed) => Create(design, slot, seed, null);

    /// <summary>As <see cref="Create(StudyDesign, CaseSlot, ulong)"/>, with the CT's voxel arrays taken from (and owned by) <paramref name="buffers"/>.</summary>
    internal static SyntheticPetCtCase Create(StudyDesign design, CaseSlot slot, ulong seed, VoxelBuffers? buffers)
    {
        var stage = slot.Stage ?? throw new ArgumentException($"slot {slot.Id} has no nodal stage (not a PET/CT design)", nameof(slot));
        var scanner = slot.Centre.Pet ?? throw new ArgumentException($"centre {slot.Centre.Name} has no PET", nameof(slot));
        var random = new CaseRandom(seed, (ulong)slot.Index);
        var patient = NodalStageModel.SampleGiven(stage, slot.Centre, random);
        var (image, mask, phantom) = SyntheticCase.RenderCt(design, slot.Centre, patient.Ct, random, buffers);
        var pet = SyntheticPet.Render(phantom, image.Geometry, scanner, patient, random);
        return new SyntheticPetCtCase(patient, stage, image, mask, pet);
    }
}
