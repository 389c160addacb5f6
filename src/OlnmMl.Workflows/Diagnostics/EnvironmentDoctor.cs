using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using OlnmMl.Onnx.Graph;
using OlnmMl.Torch;
using static TorchSharp.torch;

namespace OlnmMl.Workflows.Diagnostics;

/// <summary>
/// The checks of <c>olnm doctor</c>: the runtime, libtorch actually loaded and computing (TorchSharp's native library
/// is patched at build time for Debian 12's libstdc++, so a bad build shows here first), CUDA seen or not, libtorch's
/// OpenMP settings, ONNX Runtime computing, and every folder the job writes (exists or can be made, writable, free
/// space). Each check runs even when an earlier one failed.
/// </summary>
public static class EnvironmentDoctor
{
    /// <summary>Free space below which a data or output folder is reported as a failure (a quick-preset run writes ~2 GiB).</summary>
    public const long MinimumFreeBytes = 2L << 30;

    /// <summary>Runs every check; <paramref name="folders"/> are the folders the job would write (label → path).</summary>
    public static IReadOnlyList<EnvironmentCheck> Run(IReadOnlyList<(string Label, string Path)> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var checks = new List<EnvironmentCheck>
        {
            new("olnm", CheckOutcome.Ok, Version(typeof(EnvironmentDoctor).Assembly)),
            new("runtime", CheckOutcome.Ok,
                $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture}), {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB"),
            Guarded("libtorch", Libtorch),
            Guarded("cuda", Cuda),
            new("openmp", CheckOutcome.Ok,
                $"{NativeSetting("OMP_WAIT_POLICY")}, {NativeSetting("OMP_NUM_THREADS")} (olnm sets PASSIVE and 1 unless you set them: passive waiting on shared cores, bit-reproducible training)"),
            new("cpu kernels", CheckOutcome.Ok,
                $"{NativeSetting(NativeKernelIsa.OneDnnVariable)}, {NativeSetting(NativeKernelIsa.MklVariable)}, {NativeSetting(NativeKernelIsa.AtenVariable)} (olnm caps oneDNN, MKL and libtorch at AVX2 unless you set them: with AVX-512, training gave sporadic NaN here)"),
            Guarded("onnxruntime", OnnxRuntime),
        };
        checks.AddRange(folders.Select(f => Guarded(f.Label, () => Folder(f.Path))));
        return checks;
    }

    /// <summary><c>NAME=value</c> of the native environment (what libtorch's libraries read), or <c>NAME=(unset)</c>.</summary>
    private static string NativeSetting(string name) => $"{name}={OpenMpWaitPolicy.NativeValue(name) ?? "(unset)"}";

    private static EnvironmentCheck Guarded(string subject, Func<(CheckOutcome, string)> check)
    {
        try
        {
            var (outcome, finding) = check();
            return new EnvironmentCheck(subject, outcome, finding);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new EnvironmentCheck(subject, CheckOutcome.Fail, e.Message.Split('\n')[0]);
        }
    }

    /// <summary>Loads libtorch and computes Σ(1, 2, 3) = 6 with it.</summary>
    private static (CheckOutcome, string) Libtorch()
    {
        using var values = tensor(new float[] { 1, 2, 3 });
        using var sum = values.sum();
        var result = sum.item<float>();
        return result == 6
            ? (CheckOutcome.Ok, $"TorchSharp {Version(typeof(TorchSharp.torch).Assembly)} loaded; 1 + 2 + 3 = {result}; {get_num_threads()} intra-op thread(s)")
            : (CheckOutcome.Fail, $"TorchSharp {Version(typeof(TorchSharp.torch).Assembly)} loaded but computed 1 + 2 + 3 = {result}");
    }

    private static (CheckOutcome, string) Cuda() =>
        cuda.is_available()
            ? (CheckOutcome.Ok, $"{cuda.device_count()} CUDA device(s): deep trials with device auto use the GPU")
            : (CheckOutcome.Note, "no CUDA device (this build has TorchSharp-cpu or no GPU is visible): deep trials run on the CPU");

    /// <summary>Writes a one-node graph (Add of two inputs) with our ONNX writer and runs it in ONNX Runtime.</summary>
    private static (CheckOutcome, string) OnnxRuntime()
    {
        var graph = new OnnxGraphBuilder("doctor");
        graph.AddOutput(graph.AddNode("Add", [graph.AddInput("a", OnnxElementType.Float, 2), graph.AddInput("b", OnnxElementType.Float, 2)], "sum"), "sum", OnnxElementType.Float, 2);
        using var session = new InferenceSession(OnnxModelWriter.ToBytes(graph, new OnnxModelMetadata()));
        using var a = OrtValue.CreateTensorValueFromMemory(new float[] { 1, 2 }, [2]);
        using var b = OrtValue.CreateTensorValueFromMemory(new float[] { 3, 4 }, [2]);
        using var results = session.Run(new RunOptions(), ["a", "b"], [a, b], ["sum"]);
        var sum = results[0].GetTensorDataAsSpan<float>().ToArray();
        return sum is [4, 6]
            ? (CheckOutcome.Ok, $"ONNX Runtime {Version(typeof(InferenceSession).Assembly)} ran a graph: [1, 2] + [3, 4] = [4, 6]")
            : (CheckOutcome.Fail, $"ONNX Runtime computed [1, 2] + [3, 4] = [{string.Join(", ", sum)}]");
    }

    /// <summary>A folder that exists (or can be made), takes a file, and has <see cref="MinimumFreeBytes"/> free.</summary>
    private static (CheckOutcome, string) Folder(string path)
    {
        var full = Path.GetFullPath(path);
        for (var ancestor = full; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                return (CheckOutcome.Fail, $"{full} cannot be a folder: {ancestor} is a file");
            }
        }

        var existed = Directory.Exists(full);
        var probe = Path.Combine(full, $".olnm-doctor-{Environment.ProcessId}");
        long free;
        try
        {
            Directory.CreateDirectory(full);
            File.WriteAllText(probe, "ok");
            free = new DriveInfo(full).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (CheckOutcome.Fail, $"{full} cannot be written: {e.Message}");
        }
        finally
        {
            File.Delete(probe);
            if (!existed && Directory.Exists(full) && !Directory.EnumerateFileSystemEntries(full).Any())
            {
                Directory.Delete(full);
            }
        }

        var finding = $"{full} ({(existed ? "exists" : "made on first use")}), writable, {free / (double)(1L << 30):0.0} GiB free";
        return free < MinimumFreeBytes ? (CheckOutcome.Fail, $"{finding}: under {MinimumFreeBytes >> 30} GiB") : (CheckOutcome.Ok, finding);
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "?";
}
