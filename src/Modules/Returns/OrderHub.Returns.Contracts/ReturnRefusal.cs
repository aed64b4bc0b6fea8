namespace OrderHub.Returns.Contracts;

/// <summary>
/// Why a line cannot be returned: a stable <see cref="Code"/> (see <see cref="ReturnRefusalCodes"/>), the values
/// its sentence needs, and the English sentence the API gives.
/// </summary>
public sealed record ReturnRefusal(string Code, IReadOnlyList<string> Arguments, string Text);
