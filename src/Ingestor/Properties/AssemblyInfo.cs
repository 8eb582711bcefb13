using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Actors.Aws.Tests")]
