using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>
/// Marks a decimal (or nullable decimal) property as an amount of money: it is written as a JSON number with
/// exactly two decimals (<c>5.00</c>, <c>40.00</c>), rounded half away from zero, and read as any number.
/// Percentages, rates and counts are not money and keep the precision they have.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class MoneyAttribute : JsonConverterAttribute
{
    public override JsonConverter CreateConverter(Type typeToConvert) => MoneyConverter.Instance;
}

internal sealed class MoneyConverter : JsonConverter<decimal>
{
    public static readonly MoneyConverter Instance = new();

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var value)
            ? value
            : throw new JsonFieldException(reader.TokenType == JsonTokenType.Number
                ? $"must be an amount between {decimal.MinValue} and {decimal.MaxValue}"
                : "must be a number");

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteRawValue(Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture), skipInputValidation: true);
}
