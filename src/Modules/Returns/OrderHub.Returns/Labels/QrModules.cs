using QRCoder;

namespace OrderHub.Returns.Labels;

/// <summary>
/// The module grid of a QR code, quiet zone included (QRCoder pads four light modules on
/// each side, the minimum the standard asks for), ready to draw in any vector format.
/// </summary>
internal sealed class QrModules
{
    private readonly bool[,] dark;

    private QrModules(bool[,] dark) => this.dark = dark;

    public int Size => dark.GetLength(0);

    /// <summary>
    /// Encodes <paramref name="text"/> at error-correction level Q: a label rides in a parcel
    /// through sorting belts, and 25% redundancy still scans when a corner is scuffed.
    /// </summary>
    public static QrModules Encode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        var size = data.ModuleMatrix.Count;
        var dark = new bool[size, size];
        for (var row = 0; row < size; row++)
        {
            for (var column = 0; column < size; column++)
            {
                dark[row, column] = data.ModuleMatrix[row][column];
            }
        }

        return new QrModules(dark);
    }

    public bool IsDark(int row, int column) => dark[row, column];

    /// <summary>
    /// Dark modules merged into horizontal runs: fewer shapes, and no hairline seams where a
    /// renderer anti-aliases the edges between neighbouring squares.
    /// </summary>
    public IEnumerable<QrRun> DarkRuns()
    {
        for (var row = 0; row < Size; row++)
        {
            var column = 0;
            while (column < Size)
            {
                if (!dark[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < Size && dark[row, column])
                {
                    column++;
                }

                yield return new QrRun(row, start, column - start);
            }
        }
    }
}
