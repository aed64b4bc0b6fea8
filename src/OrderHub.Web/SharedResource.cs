namespace OrderHub.Web;

/// <summary>
/// The key of the pages' localised texts (<c>Resources/SharedResource.{culture}.resx</c>); inject
/// <c>IStringLocalizer&lt;SharedResource&gt;</c>. English is the neutral resource and the fallback.
/// </summary>
public sealed class SharedResource;
