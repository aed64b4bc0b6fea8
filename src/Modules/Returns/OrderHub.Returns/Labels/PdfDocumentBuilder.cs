using System.Globalization;
using System.Text;

namespace OrderHub.Returns.Labels;

/// <summary>
/// The file structure of a PDF 1.4 document: numbered objects, the cross-reference table with
/// the byte offset of each, and the trailer. Object bodies are ASCII; drawing happens in
/// <see cref="PdfCanvas"/>.
/// </summary>
internal sealed class PdfDocumentBuilder
{
    // The comment of four high bytes after the version tells transfer tools the file is binary.
    private static readonly byte[] Header = [.. "%PDF-1.4\n%"u8, 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n'];

    private readonly List<byte[]?> objects = [];

    /// <summary>Takes an object number before its body is known, for objects that refer to each other.</summary>
    public int Reserve()
    {
        objects.Add(null);
        return objects.Count;
    }

    public void Define(int number, string body) => objects[number - 1] = Encoding.ASCII.GetBytes(body);

    public int Add(string body)
    {
        var number = Reserve();
        Define(number, body);
        return number;
    }

    public int AddStream(byte[] data)
    {
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"<< /Length {data.Length} >>\nstream\n"));
        var number = Reserve();
        objects[number - 1] = [.. head, .. data, .. "\nendstream"u8];
        return number;
    }

    public byte[] Build(int catalog, int info)
    {
        using var output = new MemoryStream();
        output.Write(Header);

        var offsets = new long[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            var body = objects[i] ?? throw new InvalidOperationException($"PDF object {i + 1} was reserved but never defined.");
            offsets[i] = output.Position;
            Write(output, string.Create(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n"));
            output.Write(body);
            Write(output, "\nendobj\n");
        }

        var xref = output.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n");
        // Each entry is exactly 20 bytes: ten-digit offset, generation, type, and a two-byte end of line.
        table.Append("0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        table.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Count + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(output, table.ToString());
        return output.ToArray();
    }

    private static void Write(Stream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}
