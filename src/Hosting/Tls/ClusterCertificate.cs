using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Actors.Hosting.Tls;

/// <summary>Loads the cluster certificate from <see cref="ClusterTlsOptions"/>, or makes a throw-away one.</summary>
public static class ClusterCertificate
{
    /// <summary>Loads the certificate the settings name; it must carry its private key.</summary>
    /// <exception cref="InvalidOperationException">No certificate is configured, or it has no private key.</exception>
    public static X509Certificate2 Load(ClusterTlsOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var certificate = settings switch
        {
            { CertificatePem: { Length: > 0 } pem } => X509Certificate2.CreateFromPem(pem, settings.KeyPem ?? pem),
            { CertificatePath: { Length: > 0 } path } when IsPkcs12(path) => X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword),
            { CertificatePath: { Length: > 0 } path } => X509Certificate2.CreateFromPemFile(path, settings.KeyPath),
            _ => throw new InvalidOperationException(
                $"{ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.Enabled)} is true but neither {ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.CertificatePath)} nor {ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.CertificatePem)} is set."),
        };
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The cluster certificate {certificate.Subject} has no private key; set {ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.KeyPath)} or {ClusterTlsOptions.SectionName}:{nameof(ClusterTlsOptions.KeyPem)}.");
    }

    /// <summary>A self-signed certificate for server and client authentication, valid for a day: for tests and local runs.</summary>
    public static X509Certificate2 CreateSelfSigned(string subject = "CN=iot-detection-cluster")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }

    private static bool IsPkcs12(string path) =>
        path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase);
}
