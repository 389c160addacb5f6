using BenchmarkDotNet.Running;

// Run one area: dotnet run -c Release --project benchmarks/OlnmMl.Benchmarks -- --filter '*Evaluation*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
