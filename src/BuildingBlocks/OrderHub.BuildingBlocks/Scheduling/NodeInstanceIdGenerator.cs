using Quartz.Extensibility;

namespace OrderHub.BuildingBlocks.Scheduling;

/// <summary>
/// Names this process within the cluster: host, process id and a random suffix, so two nodes on one machine
/// started in the same instant still differ, and a restarted node never takes over its former self's identity.
/// </summary>
internal sealed class NodeInstanceIdGenerator : IInstanceIdGenerator
{
    public ValueTask<string> GenerateInstanceId(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}");
}
