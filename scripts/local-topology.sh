#!/usr/bin/env bash
# Runs the docker-compose.yml topology as plain processes on this machine, for a bounded time, and checks it:
#   moto_server (Kinesis, DynamoDB, SNS, SQS) + redis-server + 2 silos (Redis membership, DynamoDB state, SNS alerts)
#   + 1 ingestor (`ingest --stream readings`) + the simulator (`simulate --to kinesis --stream readings`),
# then checks that alerts reached an SQS queue subscribed to the SNS topic and that both silos are Active in the
# membership. Prints a short report; exits 0 on success, 1 on a failed check, 2 on bad usage or a missing tool.
# Every process it starts is stopped on exit (SIGTERM, then SIGKILL after a grace period), whatever happens.
#
# Usage: scripts/local-topology.sh [SECONDS] [--no-build] [--keep]
#   SECONDS     how long the simulator feeds the stream, in wall-clock seconds (default 60)
#   --no-build  use the existing Release build of src/Silo and src/Ingestor
#   --keep      keep the work directory (logs, dead letters) instead of deleting it
# Environment: SPEED (simulated seconds per wall-clock second, default 30), DRAIN_SECONDS (how long to wait for
# alerts after the simulator stops, default 45), STARTUP_SECONDS (per process, default 90).
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN_SECONDS=60
BUILD=1
KEEP=0
for arg in "$@"; do
  case "$arg" in
    --no-build) BUILD=0 ;;
    --keep) KEEP=1 ;;
    ''|*[!0-9]*) echo "usage: $0 [SECONDS] [--no-build] [--keep]" >&2; exit 2 ;;
    *) RUN_SECONDS="$arg" ;;
  esac
done
SPEED="${SPEED:-30}"
DRAIN_SECONDS="${DRAIN_SECONDS:-45}"
STARTUP_SECONDS="${STARTUP_SECONDS:-90}"
STREAM=readings
TABLE=iot-grain-state
TOPIC=iot-anomalies
QUEUE=iot-anomalies-local
CLUSTER_ID=iot-detection
SERVICE_ID=iot-detection

WORK="$(mktemp -d "${TMPDIR:-/tmp}/local-topology.XXXXXX")"
PIDS=()
NAMES=()
REPORT=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Stops the processes in reverse start order, each with 30 s to exit after SIGTERM, so that the silos still reach
# moto and Redis while they leave the cluster and persist their grains.
stop_all() {
  local i pid deadline
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[$i]}"
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null
      deadline=$((SECONDS + 30))
      while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
      if kill -0 "$pid" 2>/dev/null; then
        log "${NAMES[$i]} (pid $pid) did not stop within 30 s of SIGTERM; killing it"
        kill -KILL "$pid" 2>/dev/null
      fi
    fi
    wait "$pid" 2>/dev/null
  done
  PIDS=()
  NAMES=()
}

cleanup() {
  stop_all
  if [ "$KEEP" -eq 1 ]; then
    log "logs kept in $WORK"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

show_logs() {
  local name
  for name in "${NAMES[@]}"; do
    echo "----- last lines of $name.log -----" >&2
    tail -n 25 "$WORK/$name.log" >&2 2>/dev/null
  done
}

fail() {
  echo "local-topology: FAIL: $*" >&2
  show_logs
  print_report
  echo "local-topology: FAIL: $*"
  exit 1
}

print_report() {
  local line
  for line in "${REPORT[@]}"; do echo "  $line"; done
}

# start NAME COMMAND...: runs COMMAND in the background from $WORK, output to $WORK/NAME.log.
start() {
  local name="$1"
  shift
  (cd "$WORK" && exec "$@") >"$WORK/$name.log" 2>&1 &
  PIDS+=("$!")
  NAMES+=("$name")
}

pid_of() {
  local i
  for ((i = 0; i < ${#NAMES[@]}; i++)); do
    [ "${NAMES[$i]}" = "$1" ] && echo "${PIDS[$i]}"
  done
}

alive() { local pid; pid="$(pid_of "$1")"; [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

# wait_until SECONDS DESCRIPTION PROCESS COMMAND...: polls COMMAND until it succeeds; fails the run after SECONDS,
# or at once when PROCESS (a name given to start, or - for none) has exited.
wait_until() {
  local limit="$1" what="$2" process="$3" deadline
  shift 3
  deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ "$process" = - ] || alive "$process" || fail "$process exited while waiting for $what"
    [ "$SECONDS" -ge "$deadline" ] && fail "timed out after ${limit} s waiting for $what"
    sleep 0.5
  done
}

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# The containers' health probe, run here against a local port.
ready() { Health__Port="$1" bash "$ROOT/deploy/docker/healthcheck.sh" /health/ready; }

moto_up() { python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1] + '/moto-api/', timeout=2)" "$AWS_URL"; }

# Prints "ACTIVE_COUNT addr,addr" for the silos Active (status 3) in the Redis membership table.
membership() {
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" --raw HGETALL "$SERVICE_ID/members/$CLUSTER_ID" | python3 -c '
import json, sys
lines = sys.stdin.read().splitlines()
active = []
for key, value in zip(lines[0::2], lines[1::2]):
    try:
        entry = json.loads(value)
    except ValueError:
        continue
    if isinstance(entry, dict) and entry.get("Status") == 3:
        active.append(entry["SiloAddress"]["SiloAddress"].split("@")[0])
print(len(active), ",".join(sorted(active)))
'
}

two_silos_active() { [ "$(membership | cut -d" " -f1)" = "2" ]; }

for tool in dotnet moto_server redis-server redis-cli python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "local-topology: $tool is not installed" >&2; exit 2; }
done
python3 -c 'import boto3' 2>/dev/null || { echo "local-topology: python3 cannot import boto3 (moto installs it)" >&2; exit 2; }

SILO_DIR="$ROOT/src/Silo/bin/Release/net10.0"
INGESTOR_DIR="$ROOT/src/Ingestor/bin/Release/net10.0"
if [ "$BUILD" -eq 1 ]; then
  log "building src/Silo and src/Ingestor (Release)"
  for project in src/Silo/Silo.csproj src/Ingestor/Ingestor.csproj; do
    dotnet build "$ROOT/$project" -c Release -nologo -v q >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; fail "build of $project failed"; }
  done
fi
[ -f "$SILO_DIR/Actors.Silo.dll" ] && [ -f "$INGESTOR_DIR/Actors.Ingestor.dll" ] || fail "no Release build in $SILO_DIR and $INGESTOR_DIR (run without --no-build)"

export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN

AWS_PORT="$(free_port)"
AWS_URL="http://127.0.0.1:$AWS_PORT"
REDIS_PORT="$(free_port)"
log "starting moto_server on $AWS_PORT and redis-server on $REDIS_PORT (work dir $WORK)"
start aws moto_server -H 127.0.0.1 -p "$AWS_PORT"
start redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no
wait_until "$STARTUP_SECONDS" "moto_server" aws moto_up
wait_until "$STARTUP_SECONDS" "redis-server" redis redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
REPORT+=("aws         moto_server $AWS_URL")
REPORT+=("redis       redis-server 127.0.0.1:$REDIS_PORT")

log "creating the stream, topic, queue subscription and table (scripts/aws-init.py)"
INIT_OUTPUT="$(python3 "$ROOT/scripts/aws-init.py" --endpoint "$AWS_URL" --stream "$STREAM" --shards 2 --topic "$TOPIC" --queue "$QUEUE" --table "$TABLE" 2>"$WORK/aws-init.log")" \
  || { cat "$WORK/aws-init.log" >&2; fail "aws-init failed"; }
eval "$INIT_OUTPUT"

CLUSTER_ENV=(
  "Cluster__ClusterId=$CLUSTER_ID" "Cluster__ServiceId=$SERVICE_ID"
  "Cluster__Membership=Redis" "Cluster__RedisConnectionString=127.0.0.1:$REDIS_PORT"
  "Aws__ServiceUrl=$AWS_URL"
)
start_silo() {
  local name="$1" silo_port gateway_port health_port
  silo_port="$(free_port)"
  gateway_port="$(free_port)"
  health_port="$(free_port)"
  start "$name" env "${CLUSTER_ENV[@]}" \
    "Cluster__Storage=DynamoDB" "Cluster__SiloPort=$silo_port" "Cluster__GatewayPort=$gateway_port" "Cluster__AdvertisedAddress=127.0.0.1" \
    "DynamoDB__TableName=$TABLE" "DynamoDB__CreateIfNotExists=false" \
    "Notifier__Sinks__0=log" "Notifier__Sinks__1=sns" "Sns__TopicArn=$TOPIC_ARN" \
    "Rules__Thresholds__0__Metric=temperature" "Rules__Thresholds__0__Upper=30" \
    "Health__Port=$health_port" "Dashboard__Enabled=false" "Admin__Secret=local-admin-secret" \
    dotnet "$SILO_DIR/Actors.Silo.dll" --contentRoot "$SILO_DIR"
  eval "${name}_HEALTH=$health_port"
  REPORT+=("$name       silo 127.0.0.1:$silo_port, gateway $gateway_port, health $health_port")
}

log "starting two silos"
start_silo silo1
start_silo silo2
wait_until "$STARTUP_SECONDS" "silo1 to be ready" silo1 ready "$silo1_HEALTH"
wait_until "$STARTUP_SECONDS" "silo2 to be ready" silo2 ready "$silo2_HEALTH"
wait_until "$STARTUP_SECONDS" "both silos to be Active in the membership" - two_silos_active

INGESTOR_HEALTH="$(free_port)"
log "starting the ingestor"
start ingestor env "${CLUSTER_ENV[@]}" "Ingestor__EmbeddedSilo=false" "Health__Port=$INGESTOR_HEALTH" \
  "Kinesis__DeadLetterPath=$WORK/dead-letter.ndjson" \
  dotnet "$INGESTOR_DIR/Actors.Ingestor.dll" ingest --stream "$STREAM"
wait_until "$STARTUP_SECONDS" "the ingestor to be ready" ingestor ready "$INGESTOR_HEALTH"
REPORT+=("ingestor    ingest --stream $STREAM, health $INGESTOR_HEALTH")

SIMULATED=$((RUN_SECONDS * SPEED))
SIM_DURATION="$(printf '%02d:%02d:%02d' $((SIMULATED / 3600)) $((SIMULATED % 3600 / 60)) $((SIMULATED % 60)))"
log "simulating $SIM_DURATION of readings at ${SPEED}x into Kinesis ($RUN_SECONDS s)"
start simulator env "Aws__ServiceUrl=$AWS_URL" \
  dotnet "$INGESTOR_DIR/Actors.Ingestor.dll" simulate --to kinesis --stream "$STREAM" --speed "$SPEED" --duration "$SIM_DURATION"
SIM_PID="$(pid_of simulator)"
SIM_DEADLINE=$((SECONDS + RUN_SECONDS + STARTUP_SECONDS))
while kill -0 "$SIM_PID" 2>/dev/null; do
  [ "$SECONDS" -ge "$SIM_DEADLINE" ] && fail "the simulator did not finish within $((RUN_SECONDS + STARTUP_SECONDS)) s"
  for name in silo1 silo2 ingestor; do alive "$name" || fail "$name exited while the simulator ran"; done
  sleep 1
done
wait "$SIM_PID"
SIM_STATUS=$?
[ "$SIM_STATUS" -eq 0 ] || fail "the simulator exited with $SIM_STATUS"
REPORT+=("simulator   simulate --to kinesis --stream $STREAM --speed $SPEED --duration $SIM_DURATION: exit 0")

log "collecting alerts from the SQS queue for up to $DRAIN_SECONDS s"
ALERTS="$(python3 - "$AWS_URL" "$QUEUE_URL" "$DRAIN_SECONDS" <<'PY'
import collections, json, sys, time
import boto3

endpoint, queue_url, drain = sys.argv[1], sys.argv[2], float(sys.argv[3])
sqs = boto3.client("sqs", endpoint_url=endpoint, region_name="us-east-1")
seen, types, devices = set(), collections.Counter(), set()
deadline = time.monotonic() + drain
last_new = time.monotonic()
while time.monotonic() < deadline:
    answer = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1, VisibilityTimeout=600)
    for message in answer.get("Messages", []):
        if message["MessageId"] in seen:
            continue
        seen.add(message["MessageId"])
        last_new = time.monotonic()
        body = json.loads(message["Body"])
        record = body.get("Message", body) if isinstance(body, dict) else body
        if isinstance(record, str):
            try:
                record = json.loads(record)
            except ValueError:
                record = {}
        if isinstance(record, dict):
            types[str(record.get("AnomalyType") or record.get("Type") or record.get("type") or "?")] += 1
            device = record.get("DeviceId") or record.get("deviceId")
            if device:
                devices.add(device)
    if seen and time.monotonic() - last_new > 5:
        break
summary = ", ".join(f"{t} {n}" for t, n in sorted(types.items()))
print(f"{len(seen)} ({summary}) from {len(devices)} devices")
PY
)" || fail "could not read the SQS queue"
ALERT_COUNT="${ALERTS%% *}"

read -r ACTIVE_COUNT ACTIVE_SILOS <<<"$(membership)"
INGEST_PROGRESS="$(grep -E '^ingest [0-9:]+: records' "$WORK/ingestor.log" | tail -n 1)"
DEAD_LETTERS=0
[ -f "$WORK/dead-letter.ndjson" ] && DEAD_LETTERS="$(wc -l <"$WORK/dead-letter.ndjson")"
REPORT+=("membership  $ACTIVE_COUNT Active: ${ACTIVE_SILOS:-none}")
REPORT+=("ingested    ${INGEST_PROGRESS#ingest }; dead letters $DEAD_LETTERS")
REPORT+=("alerts      $ALERTS in SQS queue $QUEUE (SNS topic $TOPIC)")

for name in silo1 silo2 ingestor; do alive "$name" || fail "$name exited before the checks"; done
[ "$ACTIVE_COUNT" = "2" ] || fail "expected 2 Active silos in the membership, found $ACTIVE_COUNT"
[ -n "$ALERT_COUNT" ] && [ "$ALERT_COUNT" -gt 0 ] || fail "no alert arrived in the SQS queue"

echo "local-topology: PASS ($RUN_SECONDS s run)"
print_report
