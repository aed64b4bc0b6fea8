using System.Text.Json;

namespace OrderHub.LoadDriver.Chaos;

/// <summary>A phase's verdict: its figures, in the order they were taken, and every promise it saw broken.</summary>
internal sealed class PhaseReport(string name)
{
    public string Name => name;

    public List<KeyValuePair<string, object>> Figures { get; } = [];

    public List<string> Failures { get; } = [];

    public bool Passed => Failures.Count == 0;

    public void Figure(string label, object value) => Figures.Add(new(label, value));

    /// <summary>Adds the failure when the promise does not hold; returns whether it held.</summary>
    public bool Expect(bool holds, string failure)
    {
        if (!holds)
        {
            Failures.Add(failure);
        }

        return holds;
    }

    public async Task WriteAsync(string path)
    {
        var json = new
        {
            phase = name,
            passed = Passed,
            figures = Figures.Select(f => new { name = f.Key, value = f.Value }),
            failures = Failures,
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(json, Scenarios.Json));
    }

    public void Print()
    {
        Console.WriteLine($"  {(Passed ? "PASS" : "FAIL")} {name}");
        foreach (var (label, value) in Figures)
        {
            Console.WriteLine($"    {label}: {value}");
        }

        foreach (var failure in Failures)
        {
            Console.WriteLine($"    ✗ {failure}");
        }
    }
}
