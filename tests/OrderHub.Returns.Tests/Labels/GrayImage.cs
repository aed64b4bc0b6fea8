using System.Text;

namespace OrderHub.Returns.Tests.Labels;

/// <summary>A binary PGM (P5) as pdftoppm -gray writes it: a text header, then one byte per pixel.</summary>
internal sealed class GrayImage
{
    private readonly byte[] pixels;
    private readonly int offset;

    private GrayImage(int width, int height, byte[] pixels, int offset)
    {
        Width = width;
        Height = height;
        this.pixels = pixels;
        this.offset = offset;
    }

    public int Width { get; }

    public int Height { get; }

    public static GrayImage Parse(byte[] file)
    {
        var position = 0;
        var fields = new List<string>();
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            if (file[position] == '#')
            {
                while (file[position] != '\n')
                {
                    position++;
                }

                continue;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)file[position]))
            {
                position++;
            }

            fields.Add(Encoding.ASCII.GetString(file, start, position - start));
        }

        fields[0].ShouldBe("P5");
        fields[3].ShouldBe("255");
        // Exactly one whitespace byte separates the header from the pixels.
        return new GrayImage(int.Parse(fields[1]), int.Parse(fields[2]), file, position + 1);
    }

    public bool IsDark(double x, double y) => pixels[offset + ((int)y * Width) + (int)x] < 128;
}
