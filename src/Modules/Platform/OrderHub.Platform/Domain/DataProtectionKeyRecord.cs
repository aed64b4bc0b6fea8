namespace OrderHub.Platform.Domain;

/// <summary>One key of ASP.NET Core data protection's key ring, as the XML the key manager wrote.</summary>
internal sealed class DataProtectionKeyRecord
{
    private DataProtectionKeyRecord()
    {
    }

    public Guid Id { get; private set; }

    public string? FriendlyName { get; private set; }

    public string Xml { get; private set; } = string.Empty;

    public DateTime CreatedAt { get; private set; }

    public static DataProtectionKeyRecord Create(string? friendlyName, string xml, DateTime createdAt) =>
        new() { Id = Guid.NewGuid(), FriendlyName = friendlyName, Xml = xml, CreatedAt = createdAt };
}
