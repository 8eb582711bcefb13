using System.CommandLine;
using Actors.Hosting.CommandLine;
using Actors.Ingestor.Commands;

var root = new RootCommand(HelpText.WithExamples(
    "IoT anomaly detection: simulate sensors, replay history, ingest from Kinesis",
    "simulate --duration 20s",
    "replay --input readings.ndjson --alerts alerts.ndjson",
    "ingest --stream readings"))
{
    SimulateCommand.Create(),
    ReplayCommand.Create(),
    GenerateCommand.Create(),
    IngestCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
