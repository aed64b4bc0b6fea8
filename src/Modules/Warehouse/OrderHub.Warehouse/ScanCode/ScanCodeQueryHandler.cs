using System.Globalization;
using MediatR;
using OrderHub.BuildingBlocks.Application;
using OrderHub.BuildingBlocks.Domain;
using OrderHub.BuildingBlocks.Scanning;
using OrderHub.Inventory.Contracts;
using OrderHub.Returns.Contracts;
using OrderHub.Warehouse.Contracts;

namespace OrderHub.Warehouse.ScanCode;

/// <summary>
/// Resolves what a scanner or RFID reader read. The merchant's own SKU codes win (a SKU may be all digits); then the
/// code's shape decides: 24 hexadecimal digits are an EPC, 8/12/13/14 digits a GTIN, and a malformed one of either is
/// refused with the reason rather than reported unknown; then RMA and tracking numbers; then other catalogue barcodes.
/// Catalogue and returns are asked through their modules' public queries.
/// </summary>
internal sealed class ScanCodeQueryHandler(IMediator mediator) : IRequestHandler<ScanCodeQuery, ScanResultDto>
{
    /// <summary>Longer than any code the catalogue or returns store; longer input is refused before any lookup.</summary>
    public const int MaxCodeLength = 128;

    public async Task<ScanResultDto> Handle(ScanCodeQuery request, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim();
        if (code.Length is 0 or > MaxCodeLength)
        {
            throw RequestValidationException.For("code", $"A scanned code has 1 to {MaxCodeLength} characters.");
        }

        if ((await mediator.Send(new GetSkusQuery([code]), cancellationToken)).SingleOrDefault() is { } sku)
        {
            var barcode = Gtin.TryParse(sku.Barcode, out var skuGtin, out _) ? skuGtin.Value : null;
            return new ScanResultDto(ScanKind.Sku, code, Sku: sku.Sku, Gtin: barcode);
        }

        if (Sgtin96.HasEpcShape(code))
        {
            return await EpcAsync(code, cancellationToken);
        }

        if (Gtin.HasGtinShape(code))
        {
            if (!Gtin.TryParse(code, out var gtin, out var error))
            {
                throw new BusinessRuleException(error, "invalid-check-digit");
            }

            return new ScanResultDto(ScanKind.Gtin, code, Sku: await SkuOfAsync(gtin, cancellationToken), Gtin: gtin.Value);
        }

        if (await mediator.Send(new FindReturnByCodeQuery(code), cancellationToken) is { } rma)
        {
            var kind = string.Equals(rma.RmaNumber, code, StringComparison.OrdinalIgnoreCase) ? ScanKind.Rma : ScanKind.TrackingNumber;
            return new ScanResultDto(kind, code, RmaNumber: rma.RmaNumber, ReturnId: rma.ReturnId, ReturnStatus: rma.Status.ToString());
        }

        if ((await mediator.Send(new FindSkusByBarcodeQuery(code), cancellationToken)).SingleOrDefault() is { } labelled)
        {
            return new ScanResultDto(ScanKind.Barcode, code, Sku: labelled.Sku);
        }

        throw new NotFoundException("Code", code);
    }

    private async Task<ScanResultDto> EpcAsync(string code, CancellationToken cancellationToken)
    {
        if (!Sgtin96.TryDecode(code, out var epc, out var error))
        {
            throw new BusinessRuleException(error, "invalid-epc");
        }

        var gtin = epc!.Gtin;
        return new ScanResultDto(
            ScanKind.Epc,
            code,
            Sku: await SkuOfAsync(gtin, cancellationToken),
            Gtin: gtin.Value,
            Serial: epc.Serial.ToString(CultureInfo.InvariantCulture),
            EpcUri: epc.PureIdentityUri,
            Filter: epc.Filter,
            CompanyPrefix: epc.CompanyPrefix,
            ItemReference: epc.ItemReference);
    }

    /// <summary>The one SKU whose barcode is this GTIN; 404 when none is, 409 when the catalogue holds it twice.</summary>
    private async Task<string> SkuOfAsync(Gtin gtin, CancellationToken cancellationToken)
    {
        var skus = await mediator.Send(new FindSkusByBarcodeQuery(gtin.Value), cancellationToken);
        return skus.Count switch
        {
            0 => throw new NotFoundException("SKU with GTIN", gtin.Value),
            1 => skus[0].Sku,
            _ => throw new ConflictException(
                $"GTIN {gtin.Value} is the barcode of {skus.Count} SKUs ({string.Join(", ", skus.Select(s => s.Sku))}); correct the catalogue.",
                "ambiguous-barcode",
                new Dictionary<string, object?> { ["skus"] = skus.Select(s => s.Sku).ToList() }),
        };
    }
}
