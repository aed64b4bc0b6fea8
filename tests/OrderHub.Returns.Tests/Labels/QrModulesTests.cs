using OrderHub.Returns.Labels;

namespace OrderHub.Returns.Tests.Labels;

public sealed class QrModulesTests
{
    [Fact]
    public void The_code_has_a_four_module_quiet_zone_and_three_finder_patterns()
    {
        var code = QrModules.Encode(SampleLabels.Rma);
        var last = code.Size - 1;

        for (var i = 0; i < code.Size; i++)
        {
            for (var band = 0; band < 4; band++)
            {
                code.IsDark(band, i).ShouldBeFalse();
                code.IsDark(last - band, i).ShouldBeFalse();
                code.IsDark(i, band).ShouldBeFalse();
                code.IsDark(i, last - band).ShouldBeFalse();
            }
        }

        foreach (var (row, column) in new[] { (4, 4), (4, last - 10), (last - 10, 4) })
        {
            IsFinder(code, row, column).ShouldBeTrue($"finder pattern at {row},{column}");
        }
    }

    [Fact]
    public void Runs_cover_exactly_the_dark_modules()
    {
        var code = QrModules.Encode(SampleLabels.Rma);

        var covered = code.DarkRuns().SelectMany(run => Enumerable.Range(run.Column, run.Length).Select(c => (run.Row, c))).ToHashSet();

        var dark = Enumerable.Range(0, code.Size).SelectMany(r => Enumerable.Range(0, code.Size).Where(c => code.IsDark(r, c)).Select(c => (r, c)));
        covered.SetEquals(dark).ShouldBeTrue();
    }

    // A finder is a 7x7 dark ring, a light ring, and a 3x3 dark core.
    private static bool IsFinder(QrModules code, int top, int left)
    {
        for (var r = 0; r < 7; r++)
        {
            for (var c = 0; c < 7; c++)
            {
                var ring = Math.Max(Math.Abs(r - 3), Math.Abs(c - 3));
                if (code.IsDark(top + r, left + c) != (ring != 2))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
