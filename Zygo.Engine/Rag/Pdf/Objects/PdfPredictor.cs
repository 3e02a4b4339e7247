namespace Zygo.Engine.Rag.Pdf.Objects;

/// <summary>Undoes the PNG and TIFF predictors of <c>/DecodeParms</c>, which cross-reference streams use after Flate.</summary>
internal static class PdfPredictor
{
    public static byte[] Undo(byte[] data, int predictor, int colors, int bitsPerComponent, int columns)
    {
        if (predictor < 2 || colors is < 1 or > 32 || bitsPerComponent is < 1 or > 16 || columns is < 1 or > 1 << 16)
        {
            return data;
        }

        var bytesPerPixel = Math.Max(1, (colors * bitsPerComponent + 7) / 8);
        var rowLength = (colors * bitsPerComponent * columns + 7) / 8;
        return predictor == 2
            ? bitsPerComponent == 8 ? Tiff(data, bytesPerPixel, rowLength) : data
            : Png(data, bytesPerPixel, rowLength);
    }

    private static byte[] Tiff(byte[] data, int bytesPerPixel, int rowLength)
    {
        var output = (byte[])data.Clone();
        for (var row = 0; row < output.Length; row += rowLength)
        {
            for (var i = row + bytesPerPixel; i < Math.Min(row + rowLength, output.Length); i++)
            {
                output[i] += output[i - bytesPerPixel];
            }
        }

        return output;
    }

    private static byte[] Png(byte[] data, int bytesPerPixel, int rowLength)
    {
        var rows = data.Length / (rowLength + 1);
        var output = new byte[rows * rowLength];
        var previous = new byte[rowLength];
        for (var row = 0; row < rows; row++)
        {
            var type = data[row * (rowLength + 1)];
            var current = output.AsSpan(row * rowLength, rowLength);
            data.AsSpan(row * (rowLength + 1) + 1, rowLength).CopyTo(current);
            for (var i = 0; i < rowLength; i++)
            {
                var left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                var up = previous[i];
                var upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                current[i] += type switch
                {
                    1 => (byte)left,
                    2 => up,
                    3 => (byte)((left + up) / 2),
                    4 => Paeth(left, up, upLeft),
                    _ => 0,
                };
            }

            current.CopyTo(previous);
        }

        return output;
    }

    private static byte Paeth(int left, int up, int upLeft)
    {
        var estimate = left + up - upLeft;
        var (toLeft, toUp, toUpLeft) = (Math.Abs(estimate - left), Math.Abs(estimate - up), Math.Abs(estimate - upLeft));
        return (byte)(toLeft <= toUp && toLeft <= toUpLeft ? left : toUp <= toUpLeft ? up : upLeft);
    }
}
