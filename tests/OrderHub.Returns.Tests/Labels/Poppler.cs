using System.ComponentModel;
using System.Diagnostics;

namespace OrderHub.Returns.Tests.Labels;

/// <summary>
/// Runs poppler-utils on a PDF. A missing tool fails the test rather than skipping it: CI
/// installs poppler-utils, and a label nobody read back is a label nobody checked.
/// </summary>
internal static class Poppler
{
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static Result Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return new Result(process.ExitCode, output, errors.Result);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"'{tool}' is not installed: apt-get install -y poppler-utils", e);
        }
    }

    public static string Text(byte[] pdf)
    {
        using var scratch = new ScratchFolder();
        var result = Run("pdftotext", "-layout", scratch.Write("label.pdf", pdf), "-");
        result.Errors.ShouldBeEmpty();
        result.ExitCode.ShouldBe(0);
        return result.Output;
    }
}
