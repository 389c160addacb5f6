using System.CommandLine;
using System.Globalization;
using OlnmMl.Cli.Terminal;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Torch;
using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Pretraining;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Commands;

/// <summary><c>olnm pretrain</c>: self-supervised pre-training of an encoder on unlabelled CT (<see cref="Pretrainer"/>).</summary>
internal static class PretrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Required = true, Description = "Folder of .nii/.nii.gz/.nrrd volumes (images/X pairs with masks/X), or a manifest (.csv or datalist .json; labels ignored)." };
        var network = new Option<string>("--network") { Description = $"Encoder: {string.Join(", ", NetworkCatalog.Names)}.", DefaultValueFactory = _ => "resnet10-tiny" };
        var output = new Option<string>("--out") { Required = true, Description = "Encoder weights (PyTorch state_dict, our parameter names); the checkpoint is <out>.checkpoint." };
        var crop = new Option<int>("--crop") { Description = "Crop edge in voxels (a multiple of 8).", DefaultValueFactory = _ => 32 };
        var spacing = new Option<double>("--spacing") { Description = "Isotropic spacing of the crops in mm.", DefaultValueFactory = _ => 1.5 };
        var channel = new Option<string>("--channel") { Description = "Channel of the crops: ct (the whole CT) or ct-peritumoral (the CT only in the shell outside the tumour mask; every volume needs its mask), as a study's channels option.", DefaultValueFactory = _ => "ct" };
        var window = new Option<string?>("--window") { Description = "Intensity window lower,upper in HU, scaled to [0, 1] (default -1600,400), as a study's window-KEY option; write --window=-900,-600." };
        var shell = new Option<double?>("--peritumoral-mm") { Description = "Outer distance of the ct-peritumoral shell in mm (default 3), as a study's peritumoral-mm option." };
        var epochs = new Option<int>("--epochs") { Description = "Epochs.", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Mini-batch size (at least 2).", DefaultValueFactory = _ => 8 };
        var learningRate = new Option<double?>("--lr") { Description = "Adam learning rate (default 1e-4 for swin, whose first steps diverge at 1e-3 on small batches; 1e-3 otherwise)." };
        var tasks = new Option<string?>("--tasks") { Description = $"Proxy tasks, comma-separated: {PretrainingTaskNames.All} (default: rotation,inpainting,contrastive for swin as in Swin UNETR, rotation,inpainting otherwise; histogram, ours, predicts the intensity histogram above the window floor)." };
        var seed = new Option<int>("--seed") { Description = "Seed of weights, shuffling and corruptions.", DefaultValueFactory = _ => 42 };
        var resume = new Option<bool>("--resume") { Description = "Continue from <out>.checkpoint (same network, tasks, crop, seed, batch, lr)." };
        var cache = new Option<string?>("--cache") { Description = "Crop cache folder (default: olnm-crops in the temp folder)." };
        var device = new Option<string>("--device") { Description = "cpu or auto (CUDA when available).", DefaultValueFactory = _ => "auto" };
        var threads = new Option<int>("--torch-threads") { Description = "CPU threads of libtorch (0 = 1, bit-reproducible)." };
        var command = new Command(
            "pretrain",
            "Self-supervised pre-training of an encoder on unlabelled CT (rotation, inpainting and contrastive proxy tasks of Swin UNETR, and an intensity-histogram task); writes the encoder's weights for pretrained: true trials, resumable per epoch.")
        {
            data, network, output, crop, spacing, channel, window, shell, epochs, batch, learningRate, tasks, seed, resume, cache, device, threads,
        };
        CommandAction.Set(command, (parse, cancellation) =>
        {
            var architecture = parse.GetValue(network)!;
            if (!NetworkCatalog.Names.Contains(architecture))
            {
                throw new ArgumentException($"--network: '{architecture}' is not a 3D encoder (known: {string.Join(", ", NetworkCatalog.Names)}).");
            }

            var options = new PretrainingOptions
            {
                Architecture = architecture,
                Tasks = PretrainingTaskNames.Parse(parse.GetValue(tasks) ?? (architecture == "swin" ? PretrainingTaskNames.SwinUnetr : "rotation,inpainting")),
                Crop = new()
                {
                    Edge = parse.GetValue(crop),
                    Spacing = parse.GetValue(spacing),
                    Channels = [PretrainChannelOptions.Parse(parse.GetValue(channel)!, parse.GetValue(window), parse.GetValue(shell))],
                    RequireMaskInsideCrop = false,
                },
                CacheDirectory = parse.GetValue(cache) ?? Path.Combine(Path.GetTempPath(), "olnm-crops"),
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(learningRate) ?? (architecture == "swin" ? 1e-4 : 1e-3),
                Seed = parse.GetValue(seed),
                Resume = parse.GetValue(resume),
                OutputPath = parse.GetValue(output)!,
                Device = new TorchDeviceOptions { ForceCpu = parse.GetValue(device) == "cpu", Threads = parse.GetValue(threads) },
            };
            var volumes = Volumes(parse.GetValue(data)!);
            var crops = ProgressDisplay.Run("crops", report => PretrainingCrops.Load(
                volumes, options.Crop, options.CacheDirectory, new SyncProgress<(int Done, int Total)>(p => report(p.Done, p.Total, "")), cancellation));
            var result = ProgressDisplay.Run("pretrain", report => Pretrainer.Run(
                crops,
                options with
                {
                    Progress = new SyncProgress<PretrainingProgress>(p => report(
                        p.Epoch * p.Batches + p.Batch, p.Epochs * p.Batches, string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch + 1}/{p.Epochs} loss {p.Loss:F4}"))),
                },
                cancellation));
            foreach (var (epoch, losses) in result.Losses.Select((l, i) => (result.FirstEpoch + i + 1, l)))
            {
                Output.Line(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {string.Join("  ", losses.Select(p => $"{p.Key} {p.Value:F4}"))}"));
            }

            Output.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"{volumes.Count} volumes, {PretrainingTaskNames.Of(options.Tasks)}, {result.VolumesPerSecond:F1} volumes/s, crops {options.Crop.Describe()} → {options.OutputPath} (load with pretrained: true and data.options.weights-{architecture})"));
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>The volumes of a folder, or of a manifest (.csv or .json; each case's CT and mask, labels ignored).</summary>
    private static IReadOnlyList<PretrainingVolume> Volumes(string data) =>
        Directory.Exists(data)
            ? PretrainingVolume.FromFolder(data)
            : File.Exists(data)
                ? ManifestReader.Read(data).Select(c => new PretrainingVolume(c.ImagePath, c.MaskPath)).ToList()
                : throw new ArgumentException($"--data: '{data}' is neither a folder nor a manifest file.");
}
