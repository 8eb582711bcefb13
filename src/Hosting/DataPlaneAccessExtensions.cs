using Actors.Hosting.DataPlane;
using Actors.Hosting.Tls;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actors.Hosting;

/// <summary>Registers the data-plane restriction (see the README's security section and docs/operations.md).</summary>
public static class DataPlaneAccessExtensions
{
    /// <summary>
    /// Makes the silo refuse data-plane operations that do not present <c>DataPlane:Credential</c>
    /// (<see cref="DataPlaneAccessFilter"/>) and present it on its own grains' calls. With <c>Tls:Enabled</c> the
    /// credential is required: a cluster that authenticates its clients must also tell the ingestor from the admin client.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>Tls:Enabled</c> is true and <c>DataPlane:Credential</c> is not set.</exception>
    public static ISiloBuilder AddDataPlaneAccess(this ISiloBuilder silo, IConfiguration configuration)
    {
        var tls = configuration.GetSection(ClusterTlsOptions.SectionName).Get<ClusterTlsOptions>();
        if (tls is { Enabled: true } && string.IsNullOrEmpty(configuration[$"{DataPlaneOptions.SectionName}:{nameof(DataPlaneOptions.Credential)}"]))
        {
            throw new InvalidOperationException(
                $"{DataPlaneOptions.SectionName}:{nameof(DataPlaneOptions.Credential)} is required with {ClusterTlsOptions.SectionName}:Enabled: "
                + "set DataPlane__Credential on every silo and ingestor (not on the admin client).");
        }
        silo.Services.AddOptions<DataPlaneOptions>().Bind(configuration.GetSection(DataPlaneOptions.SectionName));
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IIncomingGrainCallFilter, DataPlaneAccessFilter>());
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutgoingGrainCallFilter, DataPlaneCredentialFilter>());
        return silo;
    }

    /// <summary>Makes this process (an ingestor) present <c>DataPlane:Credential</c> on its data-plane calls (<see cref="DataPlaneCredentialFilter"/>).</summary>
    public static IServiceCollection AddDataPlaneCredential(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataPlaneOptions>().Bind(configuration.GetSection(DataPlaneOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutgoingGrainCallFilter, DataPlaneCredentialFilter>());
        return services;
    }
}
