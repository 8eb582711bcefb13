using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Actors.Grains.Interfaces;
using Actors.Hosting.Tls;
using Xunit;

namespace Actors.Cluster.Tests.Security;

/// <summary>
/// Issue 12, item 5: only holders of the cluster certificate reach the grains, and holding it is not enough to change
/// state through admin operations without the admin secret.
/// </summary>
public sealed class MutualTlsTests(TlsClusterFixture fixture) : IClassFixture<TlsClusterFixture>
{
    [Fact]
    public async Task Silos_form_the_cluster_and_a_client_with_the_certificate_calls_grains()
    {
        var device = $"tls-{Guid.NewGuid():N}";

        var snapshot = await fixture.Cluster.Client.GetGrain<IDeviceGrain>(device).GetSnapshot();

        Assert.Equal(device, snapshot.DeviceId);
        Assert.Equal(2, (await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count);
    }

    [Fact]
    public async Task Gateway_speaks_tls_with_the_cluster_certificate()
    {
        await using var tls = Assert.IsType<SslStream>(await HandshakeAsync(fixture.Certificate));

        Assert.Equal(fixture.Certificate.RawData, Assert.IsAssignableFrom<X509Certificate>(tls.RemoteCertificate).GetRawCertData());
    }

    [Fact]
    public async Task Gateway_refuses_a_client_without_a_certificate() =>
        await AssertRefusedAsync(await HandshakeAsync(clientCertificate: null));

    [Fact]
    public async Task Gateway_refuses_a_client_with_another_certificate()
    {
        using var stranger = ClusterCertificate.CreateSelfSigned("CN=iot-detection-cluster");

        await AssertRefusedAsync(await HandshakeAsync(stranger));
    }

    [Fact]
    public async Task Gateway_refuses_a_client_that_does_not_speak_tls()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Gateway);
        var stream = tcp.GetStream();
        await stream.WriteAsync(new byte[64]);

        await AssertRefusedAsync(stream);
    }

    [Fact]
    public async Task Client_with_the_certificate_but_without_the_admin_secret_cannot_change_rules()
    {
        var rules = fixture.Cluster.Client.GetGrain<IRulesGrain>(RulesGrainKey.Default);
        var before = await rules.Get();

        await Assert.ThrowsAsync<AdminAccessDeniedException>(() => rules.Set(before with { Thresholds = [] }));

        Assert.Equal(before.Version, (await rules.Get()).Version);
    }

    private IPEndPoint Gateway => fixture.Cluster.Primary?.GatewayAddress?.Endpoint ?? throw new InvalidOperationException("the primary silo has no gateway");

    /// <summary>Connects to the gateway and completes the client side of a TLS handshake, accepting any server certificate.</summary>
    private async Task<Stream> HandshakeAsync(X509Certificate2? clientCertificate)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(Gateway);
        var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "iot-detection-cluster",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            });
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return Stream.Null;
        }
        return tls;
    }

    /// <summary>
    /// The gateway ends the connection: reading ends or fails. A gateway that kept it open would wait for the client's
    /// first message instead, and the read would run into the deadline and fail the test.
    /// </summary>
    private static async Task AssertRefusedAsync(Stream stream)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            var read = await stream.ReadAsync(new byte[256], deadline.Token);
            Assert.Equal(0, read);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }
}
