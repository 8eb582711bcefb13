using Actors.Admin;
using Actors.Admin.Connection;

var app = new AdminApp(AdminConfiguration.Load(), new OrleansClusterConnector(), Console.Out, Console.Error);
return await app.RunAsync(args);
