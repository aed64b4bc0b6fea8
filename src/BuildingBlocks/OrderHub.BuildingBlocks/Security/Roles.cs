namespace OrderHub.BuildingBlocks.Security;

public static class Roles
{
    public const string Admin = "admin";
    public const string Staff = "staff";
    public const string Storefront = "storefront";
    public const string Partner = "partner";

    public static readonly IReadOnlyList<string> All = [Admin, Staff, Storefront, Partner];
}

/// <summary>Authorization policy names used by endpoints.</summary>
public static class Policies
{
    /// <summary>Admin only: key management and configuration.</summary>
    public const string Admin = "admin";

    /// <summary>Back-office writes: admin or staff.</summary>
    public const string Staff = "staff";

    /// <summary>Writes a storefront may also make, on its own storefront's data.</summary>
    public const string StaffOrStorefront = "staff-or-storefront";

    /// <summary>Any authenticated key, partners included (read-only routes).</summary>
    public const string Read = "read";
}

public static class OrderHubClaims
{
    public const string KeyId = "orderhub:key_id";
    public const string Storefront = "orderhub:storefront";
}
