using Actors.Hosting.Admin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Actors.Hosting;

/// <summary>Registers the admin access restriction (see docs/admin.md).</summary>
public static class AdminAccessExtensions
{
    /// <summary>
    /// Makes the silo refuse admin operations from clients that do not present <c>Admin:Secret</c> (see
    /// <see cref="AdminAccessFilter"/>). Safe to call more than once.
    /// </summary>
    public static ISiloBuilder AddAdminAccess(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IIncomingGrainCallFilter, AdminAccessFilter>());
        return silo;
    }

    /// <summary>
    /// Makes this process (a client, or the host of an embedded silo) present <c>Admin:Secret</c> on its calls to admin
    /// operations (see <see cref="AdminSecretForwardingFilter"/>). Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddAdminSecretForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutgoingGrainCallFilter, AdminSecretForwardingFilter>());
        return services;
    }
}
