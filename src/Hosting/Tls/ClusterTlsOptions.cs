namespace Actors.Hosting.Tls;

/// <summary>
/// Mutual TLS between silos and from clients to gateways (configuration section <c>Tls</c>): every side presents the
/// cluster's certificate and accepts only a peer that presents the same one, so only its holders can call any grain.
/// The certificate comes from a file (<see cref="CertificatePath"/>) or from the configuration itself
/// (<see cref="CertificatePem"/>, e.g. an environment variable that ECS fills from Secrets Manager).
/// </summary>
public sealed class ClusterTlsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Tls";

    /// <summary>Whether silo and gateway connections use mutual TLS. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>A PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) with the certificate and its key, or a PEM certificate file.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key file that goes with a PEM <see cref="CertificatePath"/> (omit when the PEM file holds both).</summary>
    public string? KeyPath { get; set; }

    /// <summary>Password of a PKCS#12 <see cref="CertificatePath"/>, if any.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>The certificate as PEM text, instead of a file (the private key may follow it in the same text).</summary>
    public string? CertificatePem { get; set; }

    /// <summary>The private key as PEM text, when <see cref="CertificatePem"/> does not hold it.</summary>
    public string? KeyPem { get; set; }
}
