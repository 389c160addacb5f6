using OlnmMl.AutoML;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.SweepHost;

// Usage: SweepHost run EXPERIMENT.yaml STUDIES_DIR DELAY_MS | SweepHost resume STUDY.db DELAY_MS
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: SweepHost run EXPERIMENT.yaml STUDIES_DIR DELAY_MS | SweepHost resume STUDY.db DELAY_MS");
    return 2;
}

var delay = TimeSpan.FromMilliseconds(int.Parse(args[^1], System.Globalization.CultureInfo.InvariantCulture));
var registry = new TrialFactoryRegistry().Register(new SyntheticTrialFactory(delay));
var progress = new PlainLineProgress(Console.Out);
var summary = args[0] == "resume"
    ? await Sweeps.ResumeAsync(args[1], registry, progress)
    : await Sweeps.RunAsync(args[1], registry, progress, args[2]);
Console.WriteLine($"done: {summary}");
return 0;
