namespace OrderHub.Returns.Tests.Labels;

/// <summary>A temporary folder for the files poppler reads and writes, removed after the test.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orderhub-labels-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, byte[] content)
    {
        var file = File(name);
        System.IO.File.WriteAllBytes(file, content);
        return file;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
