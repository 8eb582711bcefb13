using Actors.Aws;
using Actors.Aws.Kinesis;
using Actors.Cluster.Tests.Failover;
using Actors.Cluster.Tests.Fixtures;
using Actors.Grains.Interfaces;
using Actors.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;
using Xunit.Abstractions;

namespace Actors.Cluster.Tests.Crash;

/// <summary>
/// Issue 7's crash tests, with real processes: moto_server (Kinesis, DynamoDB, SNS, SQS), Redis membership, three
/// silo processes with DynamoDB state and SNS alerts, and the ingestor process reading a Kinesis stream. A silo and the
/// ingestor are SIGKILLed at points of the stream (<see cref="CrashScenario"/>) and started again. Afterwards the alert
/// IDs that reached an SQS queue subscribed to the SNS topic are, exactly once each, those of a plain <c>replay</c> of
/// the same records, and every device accepted exactly its readings. CI runs <see cref="CrashScenario.Representative"/>;
/// <c>scripts/crash-matrix.sh</c> runs every scenario (<c>CRASH_MATRIX=all</c>, or one by its name).
/// </summary>
[Collection(ClusterEnvironmentCollection.Name)]
public sealed class CrashTests(ClusterEnvironment environment, ITestOutputHelper output)
{
    private const int Devices = 10;
    private const int Records = 4_000;
    private const int InFlightLead = 1_000;
    private const string DataPlaneCredential = "crash-test-data-plane-credential";
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Progress = TimeSpan.FromSeconds(180);
    private static readonly SemaphoreSlim ExpectedOnce = new(1, 1);
    private static (CrashDataSet Data, IReadOnlyList<string> AlertIds)? _expected;

    public static TheoryData<string> Scenarios()
    {
        var chosen = Environment.GetEnvironmentVariable("CRASH_MATRIX");
        IReadOnlyList<CrashScenario> scenarios = string.IsNullOrEmpty(chosen) ? [CrashScenario.Representative]
            : chosen == "all" ? CrashScenario.Matrix
            : CrashScenario.Matrix.Where(s => s.Name == chosen).ToList();
        return new TheoryData<string>(scenarios.Select(s => s.Name));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Alerts_reach_SNS_exactly_once_and_every_reading_is_accepted_once_across_SIGKILLs(string scenarioName)
    {
        var scenario = CrashScenario.Matrix.Single(s => s.Name == scenarioName);
        var (data, expected) = await ExpectedAsync();
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var clusterId = $"crash-{suffix}";
        var stream = $"crash-{suffix}";
        var aws = new AwsOptions { ServiceUrl = environment.Moto.ServiceUrl.ToString(), Region = MotoServer.Region };
        using var http = new HttpClient();
        var kinesis = new KinesisClient(http, Options.Create(aws), NullLogger<KinesisClient>.Instance);
        var putter = new KinesisPutter(kinesis, Options.Create(aws), NullLogger<KinesisPutter>.Instance);
        await kinesis.CreateStreamAsync(stream, 1);
        await kinesis.WaitForStreamActiveAsync(stream, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
        using var inbox = await AlertInbox.CreateAsync(environment.Moto, $"crash-{suffix}");

        var siloSettings = SiloFailoverTests.FastFailureDetection(environment.SiloSettings(clusterId));
        foreach (var (key, value) in CrashDataSet.Rules)
        {
            siloSettings[key] = value;
        }
        siloSettings["Aws:ServiceUrl"] = aws.ServiceUrl;
        siloSettings["Aws:Region"] = aws.Region;
        siloSettings["Notifier:Sinks:0"] = "sns";
        siloSettings["Sns:TopicArn"] = inbox.TopicArn;
        siloSettings["Notifier:Cooldown"] = "00:00:00";
        siloSettings["Notifier:DeliveryInterval"] = "00:00:00.100";
        siloSettings["DataPlane:Credential"] = DataPlaneCredential;
        var ingestorSettings = new Dictionary<string, string?>(environment.ClientSettings(clusterId).Concat(CrashDataSet.Rules))
        {
            ["Ingestor:EmbeddedSilo"] = "false",
            ["Aws:ServiceUrl"] = aws.ServiceUrl,
            ["Aws:Region"] = aws.Region,
            ["Kinesis:LeaseDuration"] = "00:00:03",
            ["Kinesis:MaxRecordsPerCall"] = "100",
            ["Kinesis:DeadLetterPath"] = Path.Combine(Path.GetTempPath(), $"crash-dead-letter-{suffix}.ndjson"),
            ["Checkpoint:Records"] = CrashScenario.CheckpointRecords.ToString(),
            ["Checkpoint:Interval"] = "01:00:00",
            ["DataPlane:Credential"] = DataPlaneCredential,
        };

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var silos = new[] { "a", "b", "c" }.Select(name => SiloProcess.Start(name, siloSettings)).ToList();
        var ingestors = new List<IngestorProcess>();
        try
        {
            await Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync(Startup)));
            await using var client = await ClusterClient.ConnectAsync(environment.ClientSettings(clusterId), TimeSpan.FromSeconds(5));
            var grains = client.Client;
            ingestors.Add(StartIngestor(ingestorSettings, stream, ingestors.Count));
            Log(clock, $"three silos ready, ingestor started; scenario: {scenario.Name}");

            var put = 0;
            foreach (var step in scenario.Steps)
            {
                var target = step.InFlight ? Math.Min(step.AtRecord + InFlightLead, data.Records.Count) : step.AtRecord;
                put = await PutAsync(putter, stream, data, put, target);
                var readings = data.ReadingsAmongFirst(step.AtRecord);
                await Eventually.Until(async () => step.InFlight
                        ? await AcceptedAsync(grains, data) >= readings
                        : await AcceptedAsync(grains, data) == readings,
                    Progress, $"the readings of the first {step.AtRecord} records to be accepted before killing {step}");
                if (step.Target == CrashTarget.Ingestor)
                {
                    ingestors[^1].Kill();
                    ingestors.Add(StartIngestor(ingestorSettings, stream, ingestors.Count));
                    Log(clock, $"killed and restarted the ingestor: {step}");
                }
                else
                {
                    var victim = await HostOfAsync(grains, silos, step.Target, data);
                    victim.Kill();
                    silos.Remove(victim);
                    var replacement = SiloProcess.Start($"{victim.Name}'", siloSettings);
                    silos.Add(replacement);
                    Log(clock, $"killed silo {victim.Name} (port {victim.SiloPort}): {step}");
                    await replacement.WaitUntilReadyAsync(Startup);
                    Log(clock, $"silo {replacement.Name} ready");
                }
            }
            await PutAsync(putter, stream, data, put, data.Records.Count);

            var total = data.ReadingsAmongFirst(data.Records.Count);
            await Eventually.Until(async () => await AcceptedAsync(grains, data) == total, Progress, $"all {total} readings to be accepted");
            await Eventually.Until(async () =>
            {
                await inbox.DrainAsync();
                return inbox.AlertIds.Distinct().Count() >= expected.Count && await OutboxesEmptyAsync(grains);
            }, Progress, $"{expected.Count} alerts to reach the SQS queue and every notifier outbox to be empty");
            await inbox.DrainAsync();
            Log(clock, "stream judged, alerts delivered");

            var received = inbox.AlertIds;
            var duplicated = received.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
            var missing = expected.Except(received).ToList();
            var unexpected = received.Except(expected).Distinct().ToList();
            Log(clock, $"expected alerts by the plain replay: {expected.Count}");
            output.WriteLine($"crash-result | {scenario.Name} | expected {expected.Count} | received {received.Count} | distinct {received.Distinct().Count()} "
                + $"| duplicated {duplicated.Count} | missing {missing.Count} | unexpected {unexpected.Count}");
            Assert.True(duplicated.Count == 0, $"alerts delivered more than once: {string.Join(", ", duplicated.Take(10))}");
            Assert.True(missing.Count == 0, $"alerts of the plain replay that never reached SNS: {string.Join(", ", missing.Take(10))}");
            Assert.True(unexpected.Count == 0, $"alerts that the plain replay did not raise: {string.Join(", ", unexpected.Take(10))}");
            Assert.Equal(expected.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
            foreach (var (device, readings) in data.ReadingsPerDevice)
            {
                var snapshot = await grains.GetGrain<IDeviceGrain>(device).GetSnapshot();
                Assert.True(snapshot.Accepted == readings, $"device {device} accepted {snapshot.Accepted} of its {readings} readings");
            }
            foreach (var (product, readings) in data.ReadingsPerProduct)
            {
                var snapshot = await grains.GetGrain<IProductGrain>(product).GetSnapshot();
                Assert.True(snapshot.Readings == readings, $"product {product} counted {snapshot.Readings} of its {readings} readings");
            }
        }
        catch
        {
            foreach (var process in silos.Select(s => s.RecentOutput).Concat(ingestors.Select(i => i.RecentOutput)))
            {
                output.WriteLine(process);
            }
            throw;
        }
        finally
        {
            await Task.WhenAll(ingestors.Select(i => i.DisposeAsync().AsTask()).Concat(silos.Select(s => s.DisposeAsync().AsTask())));
        }
    }

    /// <summary>The data set and the alert IDs of its plain replay, made once for every scenario of the run.</summary>
    private static async Task<(CrashDataSet Data, IReadOnlyList<string> AlertIds)> ExpectedAsync()
    {
        await ExpectedOnce.WaitAsync();
        try
        {
            if (_expected is null)
            {
                var data = await CrashDataSet.CreateAsync(Devices, Records);
                var path = Path.Combine(Path.GetTempPath(), $"crash-{Guid.NewGuid():N}.ndjson");
                await data.WriteNdjsonAsync(path);
                var alertIds = await PlainReplay.AlertIdsAsync(path, CrashDataSet.Rules, Startup);
                File.Delete(path);
                _expected = (data, alertIds);
            }
            return _expected.Value;
        }
        finally
        {
            ExpectedOnce.Release();
        }
    }

    private static IngestorProcess StartIngestor(Dictionary<string, string?> settings, string stream, int generation)
    {
        var withPort = new Dictionary<string, string?>(settings) { ["Health:Port"] = MotoServer.FreePort().ToString() };
        return IngestorProcess.Start($"ingestor{generation}", withPort, "ingest", "--stream", stream, "--progress", "00:00:01");
    }

    private static async Task<int> PutAsync(KinesisPutter putter, string stream, CrashDataSet data, int from, int to)
    {
        if (to > from)
        {
            var entries = Enumerable.Range(from, to - from).Select(i => new PutRecordsEntry(data.Records[i], data.PartitionKeyOf(i))).ToList();
            await putter.PutAllAsync(stream, entries);
        }
        return Math.Max(from, to);
    }

    private static async Task<long> AcceptedAsync(IGrainFactory grains, CrashDataSet data)
    {
        try
        {
            var snapshots = await Task.WhenAll(data.ReadingsPerDevice.Keys.Select(d => grains.GetGrain<IDeviceGrain>(d).GetSnapshot()));
            return snapshots.Sum(s => s.Accepted);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            return -1;
        }
    }

    private static async Task<bool> OutboxesEmptyAsync(IGrainFactory grains)
    {
        try
        {
            var shards = await Task.WhenAll(Enumerable.Range(0, 4).Select(shard => grains.GetGrain<INotifierGrain>(shard).GetSnapshot()));
            return shards.All(s => s.OutboxDepth == 0);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>The silo that hosts the most grains of the kind <paramref name="target"/> names.</summary>
    private static async Task<SiloProcess> HostOfAsync(IGrainFactory grains, List<SiloProcess> silos, CrashTarget target, CrashDataSet data)
    {
        var grainType = target switch
        {
            CrashTarget.DeviceSilo => "DeviceGrain",
            CrashTarget.NotifierSilo => "NotifierGrain",
            CrashTarget.LeaseSilo => "StreamLeaseGrain",
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "not a silo"),
        };
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var devices = data.ReadingsPerDevice.Keys.ToHashSet(StringComparer.Ordinal);
        var port = statistics
            .Where(s => s.GrainType.Split(',')[0].EndsWith($".{grainType}", StringComparison.Ordinal) && (target != CrashTarget.DeviceSilo || devices.Contains(s.GrainId.Key.ToString()!)))
            .GroupBy(s => s.SiloAddress.Endpoint.Port)
            .OrderByDescending(g => g.Count())
            .Select(g => (int?)g.Key)
            .FirstOrDefault() ?? throw new InvalidOperationException($"no {grainType} is active; active types: {string.Join(", ", statistics.Select(s => s.GrainType).Distinct())}");
        return silos.Single(s => s.SiloPort == port);
    }

    private void Log(System.Diagnostics.Stopwatch clock, string message) => output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: {message}");
}
