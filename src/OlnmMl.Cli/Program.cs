using OlnmMl.Cli;

return await OlnmCommandLine.Build().Parse(args).InvokeAsync();
