using OlnmMl.Cli;

OlnmMl.Torch.OpenMpWaitPolicy.UsePassiveWaiting();
return await OlnmCommandLine.Build().Parse(args).InvokeAsync();
