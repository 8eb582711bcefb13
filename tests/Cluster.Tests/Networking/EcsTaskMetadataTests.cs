using Xunit;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Actors.Hosting;
using Actors.Hosting.Networking;

namespace Actors.Cluster.Tests.Networking;

/// <summary>How a silo on ECS finds the address it advertises: from the task metadata endpoint (awsvpc).</summary>
public sealed class EcsTaskMetadataTests
{
    private static readonly string Recorded = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Networking", "ecs-task-metadata-awsvpc.json"));

    [Fact]
    public void Reads_the_task_address_from_the_task_document_of_the_metadata_endpoint()
    {
        using var endpoint = new MetadataEndpoint(Recorded);

        var address = new EcsTaskMetadataClient(endpoint.BaseUri).FindTaskAddress();

        Assert.Equal(IPAddress.Parse("10.0.2.106"), address);
        Assert.Equal([endpoint.BaseUri.AbsolutePath + "/task"], endpoint.Requests);
    }

    [Fact]
    public void The_silo_advertises_the_task_address_when_none_is_configured()
    {
        using var endpoint = new MetadataEndpoint(Recorded);

        var address = AdvertisedAddress.Resolve(new DetectionClusterOptions(), new EcsTaskMetadataClient(endpoint.BaseUri));

        Assert.Equal(IPAddress.Parse("10.0.2.106"), address);
    }

    [Fact]
    public void A_configured_address_wins_and_the_endpoint_is_not_asked()
    {
        using var endpoint = new MetadataEndpoint(Recorded);

        var address = AdvertisedAddress.Resolve(new DetectionClusterOptions { AdvertisedAddress = "192.168.7.9" }, new EcsTaskMetadataClient(endpoint.BaseUri));

        Assert.Equal(IPAddress.Parse("192.168.7.9"), address);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public void Off_ECS_the_silo_advertises_a_non_loopback_IPv4_address_of_the_host_or_else_loopback()
    {
        var address = AdvertisedAddress.Resolve(new DetectionClusterOptions(), ecs: null);

        Assert.Equal(AddressFamily.InterNetwork, address.AddressFamily);
        var hostAddresses = NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address);
        Assert.True(IPAddress.IsLoopback(address) || hostAddresses.Contains(address), $"{address} is not an address of this host");
    }

    [Fact]
    public void An_awsvpc_network_is_preferred_over_other_networks()
    {
        var document = """
            {"Containers": [
              {"Name": "sidecar", "Networks": [{"NetworkMode": "bridge", "IPv4Addresses": ["172.17.0.2"]}]},
              {"Name": "silo", "Networks": [{"NetworkMode": "awsvpc", "IPv4Addresses": ["10.1.4.20", "10.1.4.21"]}]}
            ]}
            """;

        Assert.Equal(IPAddress.Parse("10.1.4.20"), EcsTaskMetadataClient.AddressIn(document));
    }

    [Fact]
    public void A_task_without_IPv4_addresses_yields_no_address()
    {
        var document = """{"Containers": [{"Name": "silo", "Networks": [{"NetworkMode": "host", "IPv4Addresses": []}]}]}""";

        Assert.Null(EcsTaskMetadataClient.AddressIn(document));
    }

    [Fact]
    public void An_endpoint_that_fails_is_reported_with_its_address()
    {
        using var endpoint = new MetadataEndpoint("{}", HttpStatusCode.InternalServerError);

        var error = Assert.Throws<EcsTaskMetadataException>(() => new EcsTaskMetadataClient(endpoint.BaseUri).FindTaskAddress());

        Assert.Contains(endpoint.BaseUri + "/task", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public void A_document_without_containers_is_refused()
    {
        using var endpoint = new MetadataEndpoint("""{"Cluster": "x"}""");

        Assert.Throws<EcsTaskMetadataException>(() => new EcsTaskMetadataClient(endpoint.BaseUri).FindTaskAddress());
    }
}
