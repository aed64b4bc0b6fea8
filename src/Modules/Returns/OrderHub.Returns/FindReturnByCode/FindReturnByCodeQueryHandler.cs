using MediatR;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.FindReturnByCode;

/// <summary>Answers <see cref="FindReturnByCodeQuery"/> for other modules (the scanning station).</summary>
internal sealed class FindReturnByCodeQueryHandler(ReturnsDbContext db) : IRequestHandler<FindReturnByCodeQuery, ReturnReference?>
{
    public Task<ReturnReference?> Handle(FindReturnByCodeQuery request, CancellationToken cancellationToken) =>
        db.FindAsync(request.Code, cancellationToken);
}
