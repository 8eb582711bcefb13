#!/usr/bin/env bash
# DynamoDB write cost of a fleet: write request units (WRU) per 1,000 readings, as counted by the DynamoDB grain
# storage provider, through the real `replay` or `ingest` command with Cluster:Storage=DynamoDB against local moto_servers.
#
#   bash benchmarks/fleet-cost.sh replay DEVICES SECONDS_BETWEEN_READINGS MINUTES
#   bash benchmarks/fleet-cost.sh ingest DEVICES SECONDS_BETWEEN_READINGS MINUTES [SHARDS]
#   bash benchmarks/fleet-cost.sh backlog DEVICES SECONDS_BETWEEN_READINGS MINUTES [SHARDS]
#
# replay: `generate` writes MINUTES of the fleet's readings (60 % manufacturing lines, the rest temperature sensors,
#         boards and gateways), then `replay` feeds them with Checkpoint:Clock=EventTime (CLOCK=WallClock to compare).
# ingest: `simulate --to kinesis --speed 1` puts the same kind of fleet into a moto Kinesis stream in real time while
#         `ingest` reads it at the default Checkpoint:Interval (60 s, wall clock) and stops 30 s after the last record.
# backlog: for fleets faster than moto can take in real time. `simulate --to kinesis --speed 0` first puts MINUTES of
#         the fleet's readings into the stream as fast as moto takes them (default one shard per 50 devices: moto's
#         PutRecords costs time in proportion to the records already in the shard), then `ingest` reads the backlog with
#         a checkpoint per shard every Checkpoint:Records = one interval's worth of the shard's readings (the readings
#         of 60 s at the fleet's rate; the wall-clock interval is set to 1 h so it does not add checkpoints), reading a
#         tenth of that per GetRecords call (a checkpoint is taken between two calls).
# Kinesis and DynamoDB get a moto_server each. The last lines are the commands' summaries; the `dynamodb:` line has the
# counts. FLEET_COST_LOGS=DIR keeps the commands' and moto's logs in DIR. Needs moto_server on PATH (pip install 'moto[server]').
set -euo pipefail

mode=${1:?replay or ingest}
devices=${2:?devices}
interval=${3:?seconds between two readings of a device}
minutes=${4:?minutes of readings}
if [ "$mode" = backlog ]; then
    shards=${5:-$(( (devices + 49) / 50 ))}
else
    shards=${5:-$(( (devices / interval + 999) / 1000 ))}
fi
clock=${CLOCK:-EventTime}

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ -n "${FLEET_COST_LOGS:-}" ]; then
        mkdir -p "$FLEET_COST_LOGS" && cp "$work"/*.log "$FLEET_COST_LOGS"/ 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# Sets $moto_url; not run in $(...), so the server's pid reaches $pids in this shell and the cleanup stops it.
start_moto() {
    local port
    port=$(free_port)
    moto_server -H 127.0.0.1 -p "$port" >"$work/moto-$port.log" 2>&1 &
    pids+=("$!")
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null && break
        sleep 0.5
    done
    moto_url="http://127.0.0.1:$port"
}

dotnet build "$root/src/Ingestor" -c Release -v quiet -nologo >/dev/null
ingestor="$root/src/Ingestor/bin/Release/net10.0/Actors.Ingestor.dll"

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
start_moto
export Aws__ServiceUrl=$moto_url
start_moto
export DynamoDB__ServiceUrl=$moto_url
export Cluster__Storage=DynamoDB DynamoDB__TableName=fleet-cost
readings=$(( devices * minutes * 60 / interval ))
echo "fleet-cost: $mode, $devices devices, one reading every $interval s, $minutes min = $readings readings; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

case "$mode" in
replay)
    days=$(python3 -c "print($minutes / 1440)")
    dotnet "$ingestor" generate --output "$work/fleet.ndjson" --devices "$devices" --days "$days" --readings "$readings" 2>&1 >&2 | tail -1 >&2
    Checkpoint__Clock=$clock dotnet "$ingestor" replay --input "$work/fleet.ndjson" >"$work/replay.log" 2>&1 || { tail -20 "$work/replay.log" >&2; exit 1; }
    grep -E '^(replay|dynamodb):' "$work/replay.log"
    ;;
ingest|backlog)
    lines=$(( (devices * 6 + 9) / 10 ))
    rest=$(( devices - lines ))
    gateways=$(( rest / 3 < 99 ? rest / 3 : 99 ))
    export Simulation__ProductionLines=$lines Simulation__Boards=$(( (rest + 1) / 3 )) Simulation__Gateways=$gateways
    export Simulation__TemperatureSensors=$(( (rest + 2) / 3 + rest / 3 - gateways )) Simulation__Interval=$(printf '00:00:%02d' "$interval")
    if [ "$mode" = backlog ]; then
        dotnet "$ingestor" simulate --to kinesis --stream fleet --create-shards "$shards" --duration "${minutes}m" --speed 0 2>"$work/simulate.log"
        export Checkpoint__Records=$(( devices * 60 / interval / shards )) Checkpoint__Interval=01:00:00
        export Kinesis__MaxRecordsPerCall=$(( Checkpoint__Records / 10 > 0 ? Checkpoint__Records / 10 : 1 ))
        echo "fleet-cost: backlog put; ingest checkpoints a shard every $Checkpoint__Records records, read $Kinesis__MaxRecordsPerCall at a time" >&2
    else
        dotnet "$ingestor" simulate --to kinesis --stream fleet --create-shards "$shards" --duration "${minutes}m" --speed 1 2>"$work/simulate.log" &
        simulate=$!
        pids+=("$simulate")
    fi
    Kinesis__DeadLetterPath="$work/dead-letter.ndjson" dotnet "$ingestor" ingest --stream fleet --stop-when-idle 30s --progress 30s >"$work/ingest.log" 2>&1 || { tail -20 "$work/ingest.log" >&2; exit 1; }
    grep -E '^(ingest|dynamodb)' "$work/ingest.log"
    [ "$mode" = backlog ] || wait "$simulate"
    grep -E '^simulate: put' "$work/simulate.log"
    ;;
*)
    echo "usage: $0 replay|ingest|backlog DEVICES SECONDS MINUTES [SHARDS]" >&2
    exit 2
    ;;
esac
