using System.Text;
using System.Text.Json;
using Actors.Detection.Device;
using Actors.Detection.Records;
using Actors.Grains.Interfaces;
using Xunit;
using static Actors.Detection.Tests.Device.DeviceTestData;

namespace Actors.Detection.Tests.Records;

public sealed class AlertJsonTests
{
    private static readonly Anomaly Confirmed = new()
    {
        AlertId = "M-001/thickness/Confirmed/20260217T120058.0000000Z",
        AnomalyType = AnomalyType.Confirmed,
        TargetTime = new DateTime(2026, 2, 17, 12, 0, 58, DateTimeKind.Utc),
        MeasuredValue = 48.75,
        UpperLimit = 50.67,
        LowerLimit = 49.33,
        BaselineRef = "2026-02-17",
        ProductId = "B205",
        DeviceId = "M-001",
        Metric = "thickness",
    };

    private static readonly Anomaly ZScore = new()
    {
        AlertId = "sensor-7/humidity/ZScore/20260217T120034.1234560Z",
        AnomalyType = AnomalyType.ZScore,
        TargetTime = new DateTime(2026, 2, 17, 12, 0, 34, DateTimeKind.Utc).AddTicks(1_234_560),
        MeasuredValue = 80,
        UpperLimit = 70.5,
        LowerLimit = 20.25,
        DeviceId = "sensor-7",
        Metric = "humidity",
        ZScore = 3.5,
        WindowStart = new DateTime(2026, 2, 17, 12, 0, 20, DateTimeKind.Utc),
        WindowEnd = new DateTime(2026, 2, 17, 12, 0, 40, DateTimeKind.Utc),
        Rule = "|z| > 3 in 20 s window",
    };

    private static readonly Anomaly Threshold = new()
    {
        AlertId = "esp-1/temperature/Threshold/20260217T120000.0000000Z",
        AnomalyType = AnomalyType.Threshold,
        TargetTime = new DateTime(2026, 2, 17, 12, 0, 0, DateTimeKind.Utc),
        MeasuredValue = 30,
        UpperLimit = 30,
        DeviceId = "esp-1",
        Metric = "temperature",
        Rule = "temperature >= 30",
    };

    [Fact]
    public void Confirmed_anomaly_is_written_in_the_mission_record_shape()
    {
        const string expected =
            """{"AnomalyType":"Confirmed","TargetTime":"2026-02-17 12:00:58","MeasuredValue":48.75,"UpperLimit":50.67,"LowerLimit":49.33,"BaselineRef":"2026-02-17","ProductId":"B205","DeviceId":"M-001","Metric":"thickness","AlertId":"M-001/thickness/Confirmed/20260217T120058.0000000Z","Score":1}""";

        Assert.Equal(expected, ToJson(Confirmed));
    }

    [Fact]
    public void Absent_core_fields_are_null_optional_fields_follow_and_fractions_appear_only_when_present()
    {
        const string expected =
            """{"AnomalyType":"ZScore","TargetTime":"2026-02-17 12:00:34.123456","MeasuredValue":80,"UpperLimit":70.5,"LowerLimit":20.25,"BaselineRef":null,"ProductId":null,"DeviceId":"sensor-7","Metric":"humidity","AlertId":"sensor-7/humidity/ZScore/20260217T120034.1234560Z","ZScore":3.5,"WindowStart":"2026-02-17 12:00:20","WindowEnd":"2026-02-17 12:00:40","Rule":"|z| > 3 in 20 s window","Score":1}""";

        Assert.Equal(expected, ToJson(ZScore));
    }

    [Fact]
    public void A_learned_anomaly_carries_its_score_and_the_time_it_was_detected()
    {
        var learned = Threshold with { AnomalyType = AnomalyType.Learned, Score = 0.75, DetectedAt = Threshold.TargetTime, Rule = "learned score 0.75 >= 0.5" };

        Assert.EndsWith(""","Rule":"learned score 0.75 >= 0.5","Score":0.75,"DetectedAt":"2026-02-17 12:00:00"}""", ToJson(learned), StringComparison.Ordinal);
        Assert.Equal(learned, Parse(ToUtf8Bytes(learned)));
    }

    [Fact]
    public void Rule_text_is_not_html_escaped()
    {
        const string expected =
            """{"AnomalyType":"Threshold","TargetTime":"2026-02-17 12:00:00","MeasuredValue":30,"UpperLimit":30,"LowerLimit":null,"BaselineRef":null,"ProductId":null,"DeviceId":"esp-1","Metric":"temperature","AlertId":"esp-1/temperature/Threshold/20260217T120000.0000000Z","Rule":"temperature >= 30","Score":1}""";

        Assert.Equal(expected, ToJson(Threshold));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), ToUtf8Bytes(Threshold));
    }

    [Fact]
    public void Written_anomalies_parse_back_equal()
    {
        foreach (var anomaly in new[] { Confirmed, ZScore, Threshold })
        {
            var parsed = Parse(ToUtf8Bytes(anomaly));

            Assert.Equal(anomaly, parsed);
            Assert.Equal(DateTimeKind.Utc, parsed.TargetTime.Kind);
        }
    }

    [Fact]
    public void Anomalies_found_by_the_detector_survive_a_round_trip()
    {
        var rules = new DetectionRules
        {
            Thresholds = [new ThresholdRule { Metric = "humidity", Lower = 1 }],
            ZScore = new ZScoreSettings { WindowSeconds = 20, Bound = 1.2, MinSamples = 5 },
            Version = 1,
        };
        double[] values = [40.1, 39.7, 41.3, 0.5, 40.0, 40.9, 63.1];
        var readings = values.Select((v, i) => Reading(At(i * 1.001), ("humidity", v))).ToList();
        var state = new DeviceState();
        var detector = new DeviceDetector();
        var anomalies = new List<Anomaly>();
        detector.Judge(DeviceId, state, readings, rules, NoLimits, anomalies);
        detector.CloseWindows(DeviceId, state, DateTime.MaxValue, rules, anomalies);

        Assert.Contains(anomalies, a => a.AnomalyType == AnomalyType.ZScore);
        Assert.Contains(anomalies, a => a.AnomalyType == AnomalyType.Threshold);
        Assert.All(anomalies, a => Assert.Equal(a, Parse(Encoding.UTF8.GetBytes(ToJson(a)))));
    }

    [Theory]
    [InlineData("""{"AlertId":"a","AnomalyType":"Threshold","TargetTime":"2026-02-17 12:00:00","MeasuredValue":1,"Metric":"t"}""")]
    [InlineData("""{"AlertId":"a","AnomalyType":"Threshold","TargetTime":"2026-02-17 12:00:00","DeviceId":"d","Metric":"t"}""")]
    [InlineData("""{"AlertId":"a","AnomalyType":"Weird","TargetTime":"2026-02-17 12:00:00","MeasuredValue":1,"DeviceId":"d","Metric":"t"}""")]
    [InlineData("""{"AlertId":"a","AnomalyType":"Threshold","TargetTime":"17/02/2026","MeasuredValue":1,"DeviceId":"d","Metric":"t"}""")]
    [InlineData("""{"AlertId":"a","AnomalyType":"Threshold","TargetTime":"2026-02-17 12:00:00","MeasuredValue":"1","DeviceId":"d","Metric":"t"}""")]
    [InlineData("""[1]""")]
    public void Invalid_records_are_rejected(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Parse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void A_notification_carries_the_record_unchanged_after_its_own_fields_in_the_same_time_format()
    {
        var notification = new Notification
        {
            NotificationId = Threshold.AlertId + "/x3",
            Anomaly = Threshold,
            Count = 3,
            FirstTargetTime = Threshold.TargetTime.AddSeconds(-2.5),
            LastTargetTime = Threshold.TargetTime,
        };

        var json = JsonSerializer.Serialize(notification, AlertJsonContext.Records.Notification);

        Assert.Equal(
            $$"""{"NotificationId":"{{Threshold.AlertId}}/x3","Count":3,"FirstTargetTime":"2026-02-17 11:59:57.500000","LastTargetTime":"2026-02-17 12:00:00","Anomaly":{{ToJson(Threshold)}}}""",
            json);
        Assert.Equal(notification, JsonSerializer.Deserialize(json, AlertJsonContext.Records.Notification));
    }

    [Fact]
    public void An_alarm_notification_carries_the_transition_with_states_as_names_and_its_cause_once_as_the_anomaly()
    {
        var transition = new AlarmTransition
        {
            TransitionId = "alarm/M-001/temperature/Threshold/Acknowledged/20260217T120100.0000000Z",
            DeviceId = "M-001",
            Metric = "temperature",
            Rule = "Threshold",
            State = AlarmState.Acknowledged,
            PreviousState = AlarmState.Active,
            Severity = 3,
            At = Threshold.TargetTime.AddMinutes(1),
            Count = 2,
            Cause = Threshold,
            Actor = "ops-anna",
            Note = "fan replaced",
        };
        var notification = new Notification
        {
            NotificationId = transition.TransitionId, Anomaly = Threshold, Count = 2, FirstTargetTime = transition.At, LastTargetTime = transition.At, Alarm = transition,
        };

        var json = JsonSerializer.Serialize(notification, AlertJsonContext.Records.Notification);

        using var document = JsonDocument.Parse(json);
        var alarm = document.RootElement.GetProperty("Alarm");
        Assert.Equal(("Acknowledged", "Active", 3, "ops-anna"), (alarm.GetProperty("State").GetString(), alarm.GetProperty("PreviousState").GetString(), alarm.GetProperty("Severity").GetInt32(), alarm.GetProperty("Actor").GetString()));
        Assert.Equal("2026-02-17 12:01:00", alarm.GetProperty("At").GetString());
        Assert.False(alarm.TryGetProperty("Cause", out _));
        Assert.Equal(ToJson(Threshold), document.RootElement.GetProperty("Anomaly").GetRawText());
    }

    private static string ToJson(Anomaly anomaly) => JsonSerializer.Serialize(anomaly, AlertJsonContext.Records.Anomaly);

    private static byte[] ToUtf8Bytes(Anomaly anomaly) => JsonSerializer.SerializeToUtf8Bytes(anomaly, AlertJsonContext.Records.Anomaly);

    private static Anomaly Parse(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, AlertJsonContext.Records.Anomaly)!;
}
