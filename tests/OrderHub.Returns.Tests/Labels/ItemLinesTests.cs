using OrderHub.Returns.Labels;

namespace OrderHub.Returns.Tests.Labels;

public sealed class ItemLinesTests
{
    [Fact]
    public void Items_that_fit_are_listed_in_full()
    {
        ItemLines.Summarise(SampleLabels.Items(3), 3).ShouldBe(["1 x SKU-001  Item number 1", "1 x SKU-002  Item number 2", "1 x SKU-003  Item number 3"]);
    }

    [Fact]
    public void One_item_too_many_turns_the_last_line_into_a_count()
    {
        var lines = ItemLines.Summarise(SampleLabels.Items(4), 3);

        lines.Count.ShouldBe(3);
        lines[^1].ShouldBe("+2 more");
    }
}
