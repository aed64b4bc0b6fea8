namespace OrderHub.Returns.Labels;

/// <summary>Adjacent dark modules in one row of a QR code, drawn as one rectangle.</summary>
internal readonly record struct QrRun(int Row, int Column, int Length);
