using System.CommandLine;
using Actors.Ingestor.Commands;

var root = new RootCommand("IoT anomaly detection: simulate sensors, replay history, ingest from Kinesis")
{
    SimulateCommand.Create(),
    ReplayCommand.Create(),
    GenerateCommand.Create(),
    IngestCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
