using OlnmMl.Cli;

OlnmMl.Torch.NativeRuntime.ConfigureAtStartup();
return await OlnmCommandLine.InvokeAsync(args);
