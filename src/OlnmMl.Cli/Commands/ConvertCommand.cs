using System.CommandLine;
using OlnmMl.Cli.Terminal;
using OlnmMl.Imaging.Dicom;

namespace OlnmMl.Cli.Commands;

/// <summary>
/// <c>olnm convert &lt;DICOM folder or file&gt; --out x.nii.gz [--series UID]</c>: one DICOM series to NIfTI-1 (float32, LPS
/// geometry, CT in HU, PET in SUV); with <c>--mask RS.dcm [--roi NAME]</c> an RTSTRUCT ROI or a SEG segment on the folder's
/// referenced series instead; <c>--list</c> prints the series there.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "DICOM folder (searched recursively) or file." };
        var output = new Option<string?>("--out") { Description = "NIfTI-1 output (.nii or .nii.gz, written atomically); required unless --list." };
        var series = new Option<string?>("--series") { Description = "SeriesInstanceUID of the series to convert (required when the folder holds several)." };
        var list = new Option<bool>("--list") { Description = "List the image series (UID, modality, slices, description) and convert nothing." };
        var mask = new Option<string?>("--mask") { Description = "RTSTRUCT or DICOM-SEG file: write its ROI or segment as a 0/1 mask on the series it references in the input folder." };
        var roi = new Option<string?>("--roi") { Description = "ROI or segment of --mask, by name or number (required when it holds several)." };
        var command = new Command("convert", "Convert a DICOM series (CT, PET as SUV, MR; uncompressed), an RTSTRUCT ROI or a SEG segment to NIfTI.") { input, output, series, list, mask, roi };
        CommandAction.Set(command, parse =>
        {
            if (parse.GetValue(list))
            {
                foreach (var found in DicomVolumeReader.ListSeries(parse.GetValue(input)!))
                {
                    Output.Line(found.Describe());
                }

                return 0;
            }

            var target = parse.GetValue(output) ?? throw new ArgumentException("Missing --out x.nii.gz (or pass --list to see the series).");
            var volume = parse.GetValue(mask) is { } maskFile
                ? DicomMasks.Convert(maskFile, parse.GetValue(input)!, target, parse.GetValue(roi))
                : DicomVolumeReader.Convert(parse.GetValue(input)!, target, parse.GetValue(series));
            Output.Line($"{volume.Geometry.Describe()} → {target}");
            return 0;
        });
        return command;
    }
}
