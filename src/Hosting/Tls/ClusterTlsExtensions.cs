using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace Actors.Hosting.Tls;

/// <summary>Mutual TLS pinned to the cluster certificate, for silos and clients.</summary>
public static class ClusterTlsExtensions
{
    /// <summary>Silo-to-silo and gateway connections use TLS; the peer must present <paramref name="certificate"/>.</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, X509Certificate2 certificate) =>
        silo.UseTls(certificate, options => RequireSameCertificate(options, certificate));

    /// <summary>Gateway connections use TLS; the client presents <paramref name="certificate"/> and the gateway must too.</summary>
    public static IClientBuilder UseClusterTls(this IClientBuilder client, X509Certificate2 certificate) =>
        client.UseTls(certificate, options => RequireSameCertificate(options, certificate));

    /// <remarks>
    /// The cluster certificate is usually self-signed, so chain and name errors are expected; what proves membership is
    /// presenting exactly the cluster's certificate (and, through the TLS handshake, holding its private key).
    /// </remarks>
    private static void RequireSameCertificate(TlsOptions options, X509Certificate2 certificate)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => remote is not null && remote.RawDataMemory.Span.SequenceEqual(certificate.RawDataMemory.Span);
    }
}
