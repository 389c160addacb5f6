using System.Globalization;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using Xunit.Abstractions;

namespace OlnmMl.Cli.Tests;

/// <summary>
/// Reliability of <c>olnm radiomics batch</c> with real processes: two batches on one --out, a batch killed
/// with SIGKILL mid-run, and two shards (<c>--shard i/n</c>) run at once then merged. The table must hold every case
/// exactly once, with no torn or glued rows, and no process may exit 0 over a damaged or incomplete table.
/// </summary>
public sealed class RadiomicsBatchProcessTests : IDisposable
{
    private const int CaseCount = 12;
    private const string Recipe = """
        name: process-test
        resegmentation:
          range: [-500, 400]
        discretisation:
          texture: { method: fixed_bin_number, bins: 16 }
          histogram: { method: fixed_bin_number, bins: 16 }
          ivh: { method: none }
        image_types:
          - type: original
        families: [morph, stat, ih, glcm, glrlm, glszm]
        texture_distance: 1
        texture_aggregations: [3d_avg, 3d_v_mrg]
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-batch-").FullName;
    private readonly ITestOutputHelper _log;

    public RadiomicsBatchProcessTests(ITestOutputHelper log)
    {
        _log = log;
        File.WriteAllText(Settings, Recipe);
        var manifest = new List<string> { "id,cohort,label,image,mask" };
        var geometry = ImageGeometry.AxisAligned(GridSize.Cube(24), new Vec3(1, 1, 1));
        for (var n = 0; n < CaseCount; n++)
        {
            var (image, mask) = (Volume.Zeros(geometry), Volume.Zeros(geometry));
            var random = new Random(n);
            for (var i = 0; i < image.Voxels.Length; i++)
            {
                var (x, y, z) = (i % 24 - 12, i / 24 % 24 - 12, i / 576 - 12);
                image.Voxels[i] = random.Next(0, 200);
                mask.Voxels[i] = x * x + y * y + z * z <= (5 + n % 4) * (5 + n % 4) ? 1 : 0;
            }

            VolumeIO.Write(image, Path.Combine(_directory, $"ct{n}.nii.gz"), VoxelType.Int16);
            VolumeIO.Write(mask, Path.Combine(_directory, $"mask{n}.nii.gz"), VoxelType.UInt8);
            manifest.Add(string.Create(CultureInfo.InvariantCulture, $"case{n:00},train,{n % 2},ct{n}.nii.gz,mask{n}.nii.gz"));
        }

        File.WriteAllLines(Manifest, manifest);
    }

    private string Settings => Path.Combine(_directory, "recipe.yaml");

    private string Manifest => Path.Combine(_directory, "manifest.csv");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string[] Batch(string table, params string[] extra) =>
        ["radiomics", "batch", "--manifest", Manifest, "--settings", Settings, "--out", table, .. extra];

    // Every case exactly once, every row complete and as wide as the header; returns a description of any damage.
    private static string? Damage(string table)
    {
        var text = File.ReadAllText(table);
        if (!text.EndsWith('\n'))
        {
            return "the last line is torn";
        }

        var lines = text.TrimEnd('\n').Split('\n');
        var width = lines[0].Split(',').Length;
        var bad = lines.Skip(1).Where(l => l.Split(',').Length != width).ToList();
        if (bad.Count > 0)
        {
            return $"{bad.Count} row(s) with the wrong number of cells (e.g. {bad[0].Split(',').Length} of {width})";
        }

        var ids = lines.Skip(1).Select(l => l[..l.IndexOf(',')]).ToList();
        var expected = Enumerable.Range(0, CaseCount).Select(n => $"case{n:00}").ToList();
        return ids.Order().SequenceEqual(expected) ? null : $"ids {string.Join(' ', ids.Order())} instead of each of {CaseCount} cases once";
    }

    [Fact]
    public void Two_batches_on_one_out_never_mix_rows_and_the_loser_names_the_holder()
    {
        const int Rounds = 4;
        var damaged = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var table = Path.Combine(_directory, $"table{round}.csv");
            var extra = round % 2 == 0 ? Array.Empty<string>() : ["--wait", "300"];
            using var first = OlnmProcess.Start(Batch(table, extra));
            using var second = OlnmProcess.Start(Batch(table, extra));
            var results = new[] { first, second }.Select(p => OlnmProcess.Finish(p, TimeSpan.FromMinutes(5))).ToArray();
            var damage = Damage(table);
            _log.WriteLine($"round {round} ({(extra.Length == 0 ? "refuse" : "wait")}): exit codes {results[0].ExitCode}, {results[1].ExitCode}; {damage ?? "table intact"}");
            damaged += damage is null ? 0 : 1;
            Assert.All(results, r => Assert.True(
                r.ExitCode == 0 || (r.ExitCode == 1 && r.Error.Contains("is in use by pid", StringComparison.Ordinal) && r.Error.Contains("radiomics batch", StringComparison.Ordinal)),
                $"exit {r.ExitCode}: {r.Error}"));
            Assert.Contains(results, r => r.ExitCode == 0);
            if (extra.Length > 0)
            {
                Assert.All(results, r => Assert.Equal(0, r.ExitCode)); // with --wait the second runs after the first and finds every row done
            }
        }

        _log.WriteLine($"{damaged} of {Rounds} rounds lost or mixed data");
        Assert.Equal(0, damaged);
    }

    [Fact]
    public void A_batch_killed_mid_run_resumes_into_an_intact_table()
    {
        var table = Path.Combine(_directory, "killed.csv");
        using (var victim = OlnmProcess.Start(Batch(table)))
        {
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!victim.HasExited && DateTime.UtcNow < deadline && (!File.Exists(table) || File.ReadAllLines(table).Length < 3))
            {
                Thread.Sleep(20);
            }

            if (!victim.HasExited)
            {
                victim.Kill(); // SIGKILL: no clean-up runs, the kernel releases the lock
            }

            victim.WaitForExit();
        }

        var rows = File.ReadAllLines(table).Length - 1;
        var (code, output, error) = OlnmProcess.Run(Batch(table));
        _log.WriteLine($"killed after {rows} row(s); rerun: exit {code}; {output.Trim().Split('\n')[^1]}");
        Assert.True(code == 0, error);
        Assert.Null(Damage(table));
        Assert.Contains("already done", output);
    }

    [Fact]
    public void Bad_cases_are_listed_the_batch_continues_and_exits_non_zero_with_a_summary()
    {
        var ct = VolumeIO.Read(Path.Combine(_directory, "ct0.nii.gz"));
        ct.Voxels[100] = float.NaN;
        VolumeIO.Write(ct, Path.Combine(_directory, "ct0.nii.gz"));
        VolumeIO.Write(Volume.Zeros(ct.Geometry), Path.Combine(_directory, "mask1.nii.gz"), VoxelType.UInt8);
        var table = Path.Combine(_directory, "bad.csv");

        var (code, output, error) = OlnmProcess.Run(Batch(table));

        _log.WriteLine(error);
        Assert.Equal(1, code);
        Assert.Contains($"case case00: {Path.Combine(_directory, "ct0.nii.gz")}: 1 voxel(s) are NaN or infinite", error);
        Assert.Contains($"case case01: {Path.Combine(_directory, "mask1.nii.gz")}: mask is empty", error);
        Assert.Contains($"2 of {CaseCount} case(s) failed, listed in {table}.failures.csv", output);
        Assert.Equal(CaseCount - 2 + 1, File.ReadAllLines(table).Length);
        Assert.Equal(3, File.ReadAllLines(table + ".failures.csv").Length);
    }

    private string[] Merge(string table, int shards) =>
        ["radiomics", "merge", "--manifest", Manifest, "--out", table, "--shards", shards.ToString(CultureInfo.InvariantCulture)];

    // Header, then each row's text by case id: the merged table is compared with an unsharded one value for value
    // (every feature printed round-trip), not byte for byte, since a batch writes rows in completion order.
    private static (string Header, Dictionary<string, string> Rows) Read(string table)
    {
        var lines = File.ReadAllLines(table);
        return (lines[0], lines.Skip(1).ToDictionary(l => l[..l.IndexOf(',')], l => l));
    }

    [Fact]
    public void Two_shards_run_at_once_then_merged_equal_an_unsharded_batch_value_for_value()
    {
        var table = Path.Combine(_directory, "sharded.csv");
        using var first = OlnmProcess.Start(Batch(table, "--shard", "1/2"));
        using var second = OlnmProcess.Start(Batch(table, "--shard", "2/2"));
        var results = new[] { first, second }.Select(p => OlnmProcess.Finish(p, TimeSpan.FromMinutes(5))).ToArray();
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));
        var shards = new[] { 1, 2 }.Select(i => Read(Path.Combine(_directory, $"sharded.shard-{i}-of-2.csv")).Rows.Keys.Order().ToArray()).ToArray();
        Assert.Equal(["case00", "case02", "case04", "case06", "case08", "case10"], shards[0]); // sorted ids dealt round-robin
        Assert.Equal(["case01", "case03", "case05", "case07", "case09", "case11"], shards[1]);

        var merge = OlnmProcess.Run(Merge(table, 2));
        var single = Path.Combine(_directory, "single.csv");
        var unsharded = OlnmProcess.Run(Batch(single));

        _log.WriteLine(merge.Output);
        Assert.True(merge.ExitCode == 0, merge.Error);
        Assert.True(unsharded.ExitCode == 0, unsharded.Error);
        var (merged, expected) = (Read(table), Read(single));
        Assert.Equal(expected.Header, merged.Header);
        Assert.Equal(expected.Rows.OrderBy(p => p.Key, StringComparer.Ordinal), merged.Rows.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(0, CaseCount).Select(n => $"case{n:00}"), merged.Rows.Keys); // manifest order
        var rerun = OlnmProcess.Run(Batch(table));
        Assert.Contains($"0 extracted, {CaseCount} already done", rerun.Output); // the merged key file makes it a resumable table
    }

    [Fact]
    public void A_merge_with_a_shard_missing_names_the_missing_cases_and_writes_nothing()
    {
        var table = Path.Combine(_directory, "half.csv");
        Assert.Equal(0, OlnmProcess.Run(Batch(table, "--shard", "1/2")).ExitCode);

        var (code, _, error) = OlnmProcess.Run(Merge(table, 2));

        _log.WriteLine(error);
        Assert.Equal(1, code);
        Assert.Contains("6 case(s) of the manifest have no row in any shard: case01, case03, case05, case07, case09, case11", error);
        Assert.Contains(Path.Combine(_directory, "half.shard-2-of-2.csv"), error);
        Assert.False(File.Exists(table));
    }

    [Fact]
    public void A_merge_of_shards_extracted_with_different_settings_names_the_conflicting_file()
    {
        var table = Path.Combine(_directory, "mixed.csv");
        var other = Path.Combine(_directory, "other.yaml");
        File.WriteAllText(other, Recipe.Replace("bins: 16 }\n  histogram", "bins: 8 }\n  histogram", StringComparison.Ordinal));
        Assert.NotEqual(Recipe, File.ReadAllText(other));
        Assert.Equal(0, OlnmProcess.Run(Batch(table, "--shard", "1/2")).ExitCode);
        Assert.Equal(0, OlnmProcess.Run(["radiomics", "batch", "--manifest", Manifest, "--settings", other, "--out", table, "--shard", "2/2"]).ExitCode);

        var (code, _, error) = OlnmProcess.Run(Merge(table, 2));

        _log.WriteLine(error);
        Assert.Equal(1, code);
        Assert.Contains($"{Path.Combine(_directory, "mixed.shard-2-of-2.csv")}: was extracted with other settings than {Path.Combine(_directory, "mixed.shard-1-of-2.csv")}", error);
        Assert.False(File.Exists(table));
    }
}
