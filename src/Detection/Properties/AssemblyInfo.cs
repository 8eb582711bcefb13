using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Actors.Detection.Tests")]
