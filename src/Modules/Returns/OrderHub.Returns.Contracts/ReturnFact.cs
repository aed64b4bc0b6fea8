namespace OrderHub.Returns.Contracts;

/// <summary>
/// A return as read models see it; <paramref name="Sequence"/> is the paging key. <paramref name="Settled"/> says
/// whether <see cref="ReturnCompleted"/> was announced (an exchange only once its replacement order exists).
/// </summary>
public sealed record ReturnFact(
    long Sequence,
    ReturnSnapshot Return,
    bool Settled,
    decimal? RefundAmount,
    decimal? StoreCreditAmount);
