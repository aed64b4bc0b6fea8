using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Notifications.Contracts;

namespace OrderHub.Notifications.Persistence;

/// <summary>Builds <see cref="NotificationsDbContext"/> for <c>dotnet ef</c> (build/ef.sh) and for the model tests, with no connection.</summary>
internal sealed class NotificationsDesignTimeFactory() : ModuleDesignTimeFactory<NotificationsDbContext>(NotificationsContracts.Schema);
