namespace OrderHub.Web.Portal;

/// <summary>
/// What a posted form got wrong: a message per field (keyed by the control's id, shown next to it and linked
/// from the summary) and a problem with the whole request, with details such as the reasons per item.
/// </summary>
public sealed class FormErrors
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public string? Problem { get; set; }

    public List<string> Details { get; } = [];

    public bool Any => Fields.Count > 0 || Problem is not null;

    public string? this[string field] => Fields.GetValueOrDefault(field);

    public void Add(string field, string message) => Fields.TryAdd(field, message);

    /// <summary>The attributes that tie a control to its error: <c>aria-invalid</c> and <c>aria-describedby</c>.</summary>
    public bool Has(string field) => Fields.ContainsKey(field);
}
