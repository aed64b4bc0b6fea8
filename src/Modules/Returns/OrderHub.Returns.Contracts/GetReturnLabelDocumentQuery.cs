using OrderHub.BuildingBlocks.Application;

namespace OrderHub.Returns.Contracts;

/// <summary>
/// The printable PDF label of the return with this RMA number, the same document <c>GET /api/v1/returns/{id}/label</c>
/// serves; for pages that identify a return by the number a customer sees. Unknown number → not found; no label yet → conflict.
/// </summary>
public sealed record GetReturnLabelDocumentQuery(string RmaNumber) : IQuery<ReturnLabelDocument>;
