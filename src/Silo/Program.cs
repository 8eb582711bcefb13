using Actors.Hosting;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.AddDetectionSilo(builder.Configuration));
await builder.Build().RunAsync();
