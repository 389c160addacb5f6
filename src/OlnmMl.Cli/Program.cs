using OlnmMl.Cli;

OlnmMl.Torch.OpenMpWaitPolicy.UsePassiveWaiting();
return await OlnmCommandLine.InvokeAsync(args);
