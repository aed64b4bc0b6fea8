using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderHub.BuildingBlocks.Web;

/// <summary>
/// The serializer settings of the HTTP API: enums are strings only (a number is refused, as the contract says
/// enums are strings), and no string may carry a control character other than tab, CR or LF, so a NUL never
/// reaches a database that cannot store it (PostgreSQL refuses it in text).
/// </summary>
public static class JsonInput
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new SafeStringConverter());
    }

    /// <summary>The first control character that text fields refuse, or -1 when there is none.</summary>
    public static int IndexOfForbiddenCharacter(ReadOnlySpan<char> value)
    {
        var offset = 0;
        while (true)
        {
            var index = value[offset..].IndexOfAnyInRange('\0', '\u001f');
            if (index < 0)
            {
                return -1;
            }

            index += offset;
            if (value[index] is not ('\t' or '\r' or '\n'))
            {
                return index;
            }

            offset = index + 1;
        }
    }

    public const string ForbiddenCharacterReason =
        "must not contain control characters such as NUL (U+0000); only tab, carriage return and line feed are allowed";

    private sealed class SafeStringConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonFieldException("must be a string");
            }

            return Checked(reader.GetString()!);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);

        private static string Checked(string value) =>
            IndexOfForbiddenCharacter(value) < 0 ? value : throw new JsonFieldException(ForbiddenCharacterReason);
    }
}

/// <summary>
/// A JSON value that is well-formed but not acceptable for its field; <see cref="Reason"/> completes a sentence
/// that starts with the field's JSON path, which the serializer records in <see cref="JsonException.Path"/>.
/// </summary>
public sealed class JsonFieldException(string reason) : JsonException(reason)
{
    public string Reason { get; } = reason;
}
