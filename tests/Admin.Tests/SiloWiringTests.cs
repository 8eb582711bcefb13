using Actors.Hosting;
using Actors.Hosting.Admin;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Actors.Admin.Tests;

/// <summary>The production silo (<c>AddDetectionSilo</c>) installs the admin access filter.</summary>
public sealed class SiloWiringTests
{
    [Fact]
    public void AddDetectionSilo_registers_the_admin_access_filter_once()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.UseOrleans(silo => silo.AddDetectionSilo(builder.Configuration).AddAdminAccess(builder.Configuration));

        var filters = builder.Services.Where(s => s.ServiceType == typeof(IIncomingGrainCallFilter) && s.ImplementationType == typeof(AdminAccessFilter));

        Assert.Single(filters);
    }
}
