using System.CommandLine;
using Actors.Benchmarks.Alarms;
using Actors.Benchmarks.Latency;
using Actors.Benchmarks.Loop;
using Actors.Benchmarks.Memory;
using Actors.Benchmarks.Nab;
using Actors.Benchmarks.NoData;
using Actors.Benchmarks.Product;
using Actors.Benchmarks.Replay;
using BenchmarkDotNet.Running;

var modes = new RootCommand("Benchmarks of the detection cluster: BenchmarkDotNet suites, replay-rate, replay-ratio, alert-latency, grain-memory, alarm-index, nab, no-data-sweep and product-writes")
{
    ReplayRateCommand.Create(),
    ReplayRatioCommand.Create(),
    AlertLatencyCommand.Create(),
    GrainMemoryCommand.Create(),
    AlarmIndexCommand.Create(),
    NabCommand.Create(),
    NoDataSweepCommand.Create(),
    ProductWritesCommand.Create(),
};
if (args is [var first, ..] && modes.Subcommands.Any(mode => mode.Name == first))
{
    return await modes.Parse(args).InvokeAsync();
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(ReplayRateCommand).Assembly).Run(args);
return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
