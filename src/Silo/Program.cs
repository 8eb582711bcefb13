using Actors.Hosting;
using Microsoft.AspNetCore.Builder;

var builder = WebApplication.CreateBuilder(args);
builder.AddDetectionSiloHost();
var app = builder.Build();
app.MapDetectionSiloEndpoints();
await app.RunAsync();
