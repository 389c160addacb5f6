using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Tests;

internal static class Cases
{
    public static Case Make(
        string id, int label, string centre = "h1", CohortRole? role = null, double? age = 60, Sex? sex = Sex.Male,
        Density? density = Density.Solid, NoduleLocation? location = NoduleLocation.Outer, string folder = "/data") =>
        Case.Create(id, centre, role ?? CohortRole.Train, label, $"{folder}/images/{id}.nii.gz", $"{folder}/masks/{id}.nii.gz",
            new ClinicalVariables(age, sex, 1.5, density, location, false, new Dictionary<string, string>()));
}
