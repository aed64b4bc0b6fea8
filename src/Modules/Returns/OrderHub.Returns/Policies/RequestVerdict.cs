namespace OrderHub.Returns.Policies;

/// <summary>
/// How a policy judges a whole request: why it would be refused (empty: accepted), the reasons of each refused order
/// line (<see cref="LineRefusals"/>, by order line id), its money, and why it would wait for a person.
/// </summary>
internal sealed record RequestVerdict(
    IReadOnlyList<string> Refusals, RefundQuote Quote, IReadOnlyList<string> ReviewReasons, IReadOnlyDictionary<Guid, IReadOnlyList<string>> LineRefusals)
{
    public bool Refused => Refusals.Count > 0;

    /// <summary>Accepted and approved at once, with nobody to look at it.</summary>
    public bool AutoApproved => !Refused && ReviewReasons.Count == 0;
}
