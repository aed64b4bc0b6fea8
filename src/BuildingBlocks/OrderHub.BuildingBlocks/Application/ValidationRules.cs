using System.Text.RegularExpressions;
using FluentValidation;

namespace OrderHub.BuildingBlocks.Application;

/// <summary>Validation rules several modules share.</summary>
public static partial class ValidationRules
{
    public const int MaxCodeLength = 64;

    /// <summary>
    /// A business code (SKU, warehouse, location): 1 to 64 letters, digits, '.', '_' or '-', starting with a
    /// letter or digit, so it is safe in a URL path without escaping.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MustBeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty()
            .Must(code => code is null || CodePattern().IsMatch(code))
            .WithMessage($"{{PropertyName}} must be 1 to {MaxCodeLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");

    /// <summary>A string naming a member of <typeparamref name="TEnum"/> (case-insensitive).</summary>
    public static IRuleBuilderOptions<T, string?> MustBeEnum<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.NotEmpty()
            .Must(value => value is null || (Enum.TryParse<TEnum>(value, ignoreCase: true, out _) && !int.TryParse(value, out _)))
            .WithMessage($"{{PropertyName}} must be one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex CodePattern();
}
