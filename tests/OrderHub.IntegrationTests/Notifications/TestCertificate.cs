using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OrderHub.IntegrationTests.Notifications;

/// <summary>
/// A self-signed server certificate for 127.0.0.1 made for one test class, written as PEM files for the test SMTP
/// server. No authority vouches for it, so the app accepts it only through its SHA-256 thumbprint.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(string directory, string certificatePath, string keyPath, string thumbprint)
    {
        Directory = directory;
        CertificatePath = certificatePath;
        KeyPath = keyPath;
        Sha256Thumbprint = thumbprint;
    }

    public string Directory { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public string Sha256Thumbprint { get; }

    public static TestCertificate Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp.orderhub.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var directory = Path.Combine(Path.GetTempPath(), "orderhub-smtp-tls", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var certificatePath = Path.Combine(directory, "server.crt");
        var keyPath = Path.Combine(directory, "server.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(directory, certificatePath, keyPath, Convert.ToHexString(SHA256.HashData(certificate.RawData)));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
