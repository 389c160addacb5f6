using OlnmMl.Cli;

OlnmMl.Torch.OpenMpWaitPolicy.UsePassiveWaiting();
OlnmMl.Torch.OpenMpWaitPolicy.UseOneIntraOpThread();
return await OlnmCommandLine.InvokeAsync(args);
