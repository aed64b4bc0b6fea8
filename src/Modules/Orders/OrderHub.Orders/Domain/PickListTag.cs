namespace OrderHub.Orders.Domain;

/// <summary>
/// An RFID tag (SGTIN, by its pure identity) that a scan picked on a list. Readers see a tag many times as it passes;
/// the unit it names is picked once, and a later read of it answers what it picked then.
/// </summary>
internal sealed class PickListTag
{
    private PickListTag()
    {
    }

    public PickListTag(Guid pickListId, string epc, Guid orderLineId, string locationCode, DateTime pickedAt)
    {
        PickListId = pickListId;
        Epc = epc;
        OrderLineId = orderLineId;
        LocationCode = locationCode;
        PickedAt = pickedAt;
    }

    public Guid PickListId { get; private set; }

    /// <summary>The tag's pure identity URI (<c>urn:epc:id:sgtin:…</c>): the same unit whatever filter value it was encoded with.</summary>
    public string Epc { get; private set; } = string.Empty;

    public Guid OrderLineId { get; private set; }

    public string LocationCode { get; private set; } = string.Empty;

    public DateTime PickedAt { get; private set; }
}
