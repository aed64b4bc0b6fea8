using OrderHub.BuildingBlocks.Persistence;

namespace OrderHub.Persistence.Tests;

public sealed class AutoDetectChangesPauseTests
{
    [Fact]
    public void A_pause_turns_automatic_detection_off_and_puts_back_what_it_found_even_when_nested()
    {
        var tracker = ModuleContexts.For(DatabaseProvider.Sqlite)[0].ChangeTracker;
        tracker.AutoDetectChangesEnabled.ShouldBeTrue();
        using (tracker.PauseAutoDetectChanges())
        {
            tracker.AutoDetectChangesEnabled.ShouldBeFalse();
            using (tracker.PauseAutoDetectChanges())
            {
                tracker.AutoDetectChangesEnabled.ShouldBeFalse();
            }

            tracker.AutoDetectChangesEnabled.ShouldBeFalse("the inner pause puts back the outer pause's setting, not the original");
        }

        tracker.AutoDetectChangesEnabled.ShouldBeTrue();
    }
}
