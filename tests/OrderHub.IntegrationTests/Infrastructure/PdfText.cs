using System.Diagnostics;

namespace OrderHub.IntegrationTests.Infrastructure;

/// <summary>Reads a PDF back with poppler's pdftotext, a real PDF reader (build/test.sh installs poppler-utils).</summary>
public static class PdfText
{
    public static async Task<string> ExtractAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", path, "-"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("pdftotext could not be started; install poppler-utils.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, errors);
        errors.ShouldBeEmpty();
        return output;
    }
}
