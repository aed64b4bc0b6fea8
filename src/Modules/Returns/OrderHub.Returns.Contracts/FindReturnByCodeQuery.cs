using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// The return a scanned code names: an RMA number (<c>RMA-000042</c>) or a return label's tracking number; null when
/// it names none. Any case, surrounding blanks ignored.
/// </summary>
public sealed record FindReturnByCodeQuery(string Code) : IQuery<ReturnReference?>;
