namespace OlnmMl.Radiomics.Settings;

/// <summary>A radiomics recipe that cannot be used; the message names the source (file), the key and the problem.</summary>
public sealed class RadiomicsSettingsException(string message, Exception? inner = null) : OlnmUserException(message, inner);
