namespace OrderHub.Returns.Labels;

/// <summary>The two standard PDF fonts a label uses; neither needs embedding.</summary>
internal enum PdfFont
{
    Helvetica,
    HelveticaBold,
}
