using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderHub.BuildingBlocks.Persistence;
using OrderHub.Platform.Domain;
using OrderHub.Platform.Persistence;

namespace OrderHub.Platform.DataProtectionKeys;

/// <summary>
/// Keeps data protection's key ring in the shared database, so a back-office session, a portal session or an
/// anti-forgery token issued by one node is read by every other node and survives restarts (ADR 0029). The key
/// manager calls this rarely (at first use, on an unknown key id, and when it rotates keys), and only through the
/// synchronous <see cref="IXmlRepository"/> interface, hence the blocking waits.
/// </summary>
internal sealed class DatabaseKeyRing(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => LoadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task<IReadOnlyCollection<XElement>> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stored = await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => k.Xml).ToListAsync();
        return stored.Select(xml => XElement.Parse(xml)).ToList();
    }

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var record = DataProtectionKeyRecord.Create(friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow().UtcDateTime);
        await unitOfWork.ExecuteAsync(_ =>
        {
            db.DataProtectionKeys.Add(record);
            return Task.CompletedTask;
        }, CancellationToken.None);
    }
}
