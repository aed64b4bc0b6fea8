namespace OrderHub.Returns.Contracts;

public sealed record ReturnLabelDocument(string RmaNumber, byte[] Pdf);
