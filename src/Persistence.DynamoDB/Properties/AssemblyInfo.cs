using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Actors.Persistence.DynamoDB.Tests")]
