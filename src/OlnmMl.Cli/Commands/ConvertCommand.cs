using System.CommandLine;
using OlnmMl.Cli.Terminal;
using OlnmMl.Imaging.Dicom;

namespace OlnmMl.Cli.Commands;

/// <summary>
/// <c>olnm convert &lt;DICOM folder or file&gt; --out x.nii.gz [--series UID]</c>: one DICOM series to NIfTI-1 (float32, LPS
/// geometry, CT in HU, PET in SUV); <c>--list</c> prints the series there instead.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "DICOM folder (searched recursively) or file." };
        var output = new Option<string?>("--out") { Description = "NIfTI-1 output (.nii or .nii.gz, written atomically); required unless --list." };
        var series = new Option<string?>("--series") { Description = "SeriesInstanceUID of the series to convert (required when the folder holds several)." };
        var list = new Option<bool>("--list") { Description = "List the image series (UID, modality, slices, description) and convert nothing." };
        var command = new Command("convert", "Convert a DICOM series (CT, PET as SUV, MR; uncompressed) to NIfTI.") { input, output, series, list };
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
            var volume = DicomVolumeReader.Convert(parse.GetValue(input)!, target, parse.GetValue(series));
            Output.Line($"{volume.Geometry.Describe()} → {target}");
            return 0;
        });
        return command;
    }
}
