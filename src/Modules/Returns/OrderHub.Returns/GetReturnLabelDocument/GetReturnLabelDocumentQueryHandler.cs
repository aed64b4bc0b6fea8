using MediatR;
using Microsoft.EntityFrameworkCore;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.Returns.Contracts;
using OrderHub.Returns.GetReturnLabel;
using OrderHub.Returns.Labels;
using OrderHub.Returns.Persistence;

namespace OrderHub.Returns.GetReturnLabelDocument;

/// <summary>Finds the return by its RMA number and renders the label the API serves for it.</summary>
internal sealed class GetReturnLabelDocumentQueryHandler(ReturnsDbContext db, IMediator mediator) : IRequestHandler<GetReturnLabelDocumentQuery, ReturnLabelDocument>
{
    public async Task<ReturnLabelDocument> Handle(GetReturnLabelDocumentQuery request, CancellationToken cancellationToken)
    {
        var id = await db.Returns.AsNoTracking().Where(r => r.RmaNumber == request.RmaNumber).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Return", request.RmaNumber);
        var label = await mediator.Send(new GetReturnLabelQuery(id), cancellationToken);
        return new ReturnLabelDocument(label.RmaNumber, PdfLabelWriter.Write(label));
    }
}
