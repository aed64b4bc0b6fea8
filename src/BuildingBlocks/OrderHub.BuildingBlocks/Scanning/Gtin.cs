namespace OrderHub.BuildingBlocks.Scanning;

/// <summary>
/// A Global Trade Item Number (GTIN-8, GTIN-12, GTIN-13 or GTIN-14) whose check digit is right, held in its
/// GTIN-14 form (left-padded with zeros), so the same item compares equal however it was printed.
/// </summary>
/// <remarks>GS1 General Specifications 7.9.1: check digit over the digits before it, weights 3 and 1 from the right.</remarks>
public readonly record struct Gtin
{
    private Gtin(string value) => Value = value;

    /// <summary>The 14 digits, check digit last.</summary>
    public string Value { get; }

    /// <summary>Digits only, in one of the GTIN lengths (8, 12, 13 or 14): what a scanner gives for a GTIN, check digit right or wrong.</summary>
    public static bool HasGtinShape(string? code) =>
        code is { Length: 8 or 12 or 13 or 14 } && code.All(char.IsAsciiDigit);

    /// <summary>Reads a GTIN; false with the reason when <paramref name="code"/> is not one.</summary>
    public static bool TryParse(string? code, out Gtin gtin, out string error)
    {
        gtin = default;
        if (string.IsNullOrEmpty(code) || !code.All(char.IsAsciiDigit))
        {
            error = "A GTIN consists of digits only.";
            return false;
        }

        if (code.Length is not (8 or 12 or 13 or 14))
        {
            error = $"A GTIN has 8, 12, 13 or 14 digits, not {code.Length}.";
            return false;
        }

        var expected = CheckDigit(code.AsSpan(0, code.Length - 1));
        if (code[^1] != expected)
        {
            error = $"The check digit of GTIN {code} is wrong: it should be {expected}, not {code[^1]}.";
            return false;
        }

        gtin = new Gtin(code.PadLeft(14, '0'));
        error = string.Empty;
        return true;
    }

    public static Gtin Parse(string code) =>
        TryParse(code, out var gtin, out var error) ? gtin : throw new FormatException(error);

    /// <summary>The GTIN whose digits before the check digit are <paramref name="digits"/> (7, 11, 12 or 13 of them).</summary>
    public static Gtin FromDigitsWithoutCheck(string digits)
    {
        if (digits.Length is not (7 or 11 or 12 or 13) || !digits.All(char.IsAsciiDigit))
        {
            throw new FormatException("A GTIN without its check digit has 7, 11, 12 or 13 digits.");
        }

        return new Gtin((digits + CheckDigit(digits)).PadLeft(14, '0'));
    }

    /// <summary>The check digit of the digits before it: weights 3, 1, 3, ... from the rightmost, rounded up to a multiple of ten.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (digit is < 0 or > 9)
            {
                throw new FormatException("A GTIN consists of digits only.");
            }

            sum += i % 2 == 0 ? digit * 3 : digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>
    /// Every way this GTIN can be written: the 14 digits and, when its leading zeros allow, the 13-, 12- and 8-digit
    /// forms, so a catalogue that stores any of them can be searched for it.
    /// </summary>
    public IReadOnlyList<string> Forms()
    {
        var forms = new List<string> { Value };
        foreach (var length in (int[])[13, 12, 8])
        {
            if (Value.AsSpan(0, 14 - length).IndexOfAnyExcept('0') < 0)
            {
                forms.Add(Value[(14 - length)..]);
            }
        }

        return forms;
    }

    public override string ToString() => Value ?? string.Empty;
}
