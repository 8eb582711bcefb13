#!/usr/bin/env bash
# Runs the docker-compose.yml topology as plain processes on this machine, for a bounded time, and checks it:
#   moto_server (Kinesis, DynamoDB, SNS, SQS) + redis-server + 2 silos (Redis membership, DynamoDB state, SNS alerts)
#   + 1 ingestor (`ingest --stream readings`) + the simulator (`simulate --to kinesis --stream readings`),
# then checks that alerts reached an SQS queue subscribed to the SNS topic and that both silos are Active in the
# membership. Prints a short report; exits 0 on success, 1 on a failed check, 2 on bad usage or a missing tool.
# Every process it starts is stopped on exit (SIGTERM, then SIGKILL after a grace period), whatever happens.
#
# Usage: scripts/local-topology.sh [SECONDS] [--no-build] [--keep]
#   SECONDS     size of the run: the simulator puts SECONDS x 30 simulated seconds of readings (default 60, i.e.
#               30 simulated minutes, 18,000 records) and gets SECONDS (+ startup) of wall-clock time to do so
#   --no-build  use the existing Release build of src/Silo and src/Ingestor
#   --keep      keep the work directory (logs, dead letters) instead of deleting it
# Environment: SPEED (simulated seconds per wall-clock second; default 0, as fast as possible; 30 spreads the records
# over SECONDS), DRAIN_SECONDS (how long the ingestor may take to read everything, and the alerts to arrive, after
# the simulator stops; default 60), STARTUP_SECONDS (per process, default 90).
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
SPEED="${SPEED:-0}"
DRAIN_SECONDS="${DRAIN_SECONDS:-60}"
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

# The "records" count of the ingestor's latest progress line.
ingested() { sed -n 's/^ingest [0-9:]*: records \([0-9]*\) .*/\1/p' "$WORK/ingestor.log" | tail -n 1; }

ingested_all() { local count; count="$(ingested)"; [ -n "$count" ] && [ "$count" -ge "$1" ]; }

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
  dotnet "$INGESTOR_DIR/Actors.Ingestor.dll" ingest --stream "$STREAM" --progress 00:00:01
wait_until "$STARTUP_SECONDS" "the ingestor to be ready" ingestor ready "$INGESTOR_HEALTH"
REPORT+=("ingestor    ingest --stream $STREAM, health $INGESTOR_HEALTH ready")

# The run puts RUN_SECONDS x 30 simulated seconds of readings (10 devices, one reading a second each): paced at SPEED
# simulated seconds per wall-clock second, or as fast as possible with SPEED=0.
SIMULATED=$((RUN_SECONDS * 30))
SIM_DURATION="$(printf '%02d:%02d:%02d' $((SIMULATED / 3600)) $((SIMULATED % 3600 / 60)) $((SIMULATED % 60)))"
log "simulating $SIM_DURATION of readings into Kinesis at speed $SPEED"
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
PUT="$(sed -n 's/^simulate: put \([0-9]*\) records.*/\1/p' "$WORK/simulator.log" | tail -n 1)"
[ -n "$PUT" ] && [ "$PUT" -gt 0 ] || fail "the simulator reported no records put"
MALFORMED="$(sed -n 's/^simulate: put [0-9]* records (\([0-9]*\) malformed.*/\1/p' "$WORK/simulator.log" | tail -n 1)"
REPORT+=("simulator   simulate --to kinesis --stream $STREAM --speed $SPEED --duration $SIM_DURATION: put $PUT records (${MALFORMED:-?} malformed on purpose), exit 0")

log "waiting up to $DRAIN_SECONDS s for the ingestor to read all $PUT records"
wait_until "$DRAIN_SECONDS" "the ingestor to read all $PUT records" ingestor ingested_all "$PUT"

log "collecting alerts from the SQS queue for up to $DRAIN_SECONDS s"
ALERTS="$(python3 - "$AWS_URL" "$QUEUE_URL" "$DRAIN_SECONDS" <<'PY'
import collections, json, sys, time
import boto3

endpoint, queue_url, drain = sys.argv[1], sys.argv[2], float(sys.argv[3])
sqs = boto3.client("sqs", endpoint_url=endpoint, region_name="us-east-1")
seen, notifications, types, devices, folded, malformed = set(), set(), collections.Counter(), set(), 0, 0
deadline = time.monotonic() + drain
last_new = time.monotonic()
while time.monotonic() < deadline:
    answer = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=10, WaitTimeSeconds=1, VisibilityTimeout=600)
    for message in answer.get("Messages", []):
        if message["MessageId"] in seen:
            continue
        seen.add(message["MessageId"])
        last_new = time.monotonic()
        try:
            notification = json.loads(json.loads(message["Body"])["Message"])
            anomaly = notification["Anomaly"]
            notifications.add(notification["NotificationId"])
            folded += int(notification.get("Count", 1))
            types[anomaly["AnomalyType"]] += 1
            devices.add(anomaly["DeviceId"])
        except (KeyError, TypeError, ValueError):
            malformed += 1
    if seen and time.monotonic() - last_new > 5:
        break
summary = ", ".join(f"{t} {n}" for t, n in sorted(types.items()))
print(f"{len(notifications)} {malformed} notifications ({summary}; {folded} anomalies folded in) from {len(devices)} devices, {len(seen)} SQS messages")
PY
)" || fail "could not read the SQS queue"
read -r ALERT_COUNT MALFORMED_ALERTS ALERTS <<<"$ALERTS"

STATE_ITEMS="$(python3 -c '
import sys, boto3
table = boto3.client("dynamodb", endpoint_url=sys.argv[1], region_name="us-east-1")
pages = table.get_paginator("scan").paginate(TableName=sys.argv[2], Select="COUNT")
print(sum(page["Count"] for page in pages))
' "$AWS_URL" "$TABLE")" || fail "could not scan the DynamoDB table $TABLE"
REPORT+=("state       $STATE_ITEMS grain state items in DynamoDB table $TABLE")
read -r ACTIVE_COUNT ACTIVE_SILOS <<<"$(membership)"
INGEST_PROGRESS="$(grep -E '^ingest [0-9:]+: records' "$WORK/ingestor.log" | tail -n 1 | sed 's/^ingest [0-9:]*: //')"
DEAD_LETTERS=0
[ -f "$WORK/dead-letter.ndjson" ] && DEAD_LETTERS="$(wc -l <"$WORK/dead-letter.ndjson")"
REPORT+=("membership  $ACTIVE_COUNT Active: ${ACTIVE_SILOS:-none}")
REPORT+=("ingested    $INGEST_PROGRESS; dead letters $DEAD_LETTERS")
REPORT+=("alerts      $ALERT_COUNT $ALERTS in SQS queue $QUEUE (SNS topic $TOPIC)")

for name in silo1 silo2 ingestor; do alive "$name" || fail "$name exited before the checks"; done
[ "$STATE_ITEMS" -gt 0 ] || fail "no grain state was written to DynamoDB"
[ "$ACTIVE_COUNT" = "2" ] || fail "expected 2 Active silos in the membership, found $ACTIVE_COUNT"
[ -n "$ALERT_COUNT" ] && [ "$ALERT_COUNT" -gt 0 ] || fail "no alert arrived in the SQS queue"
[ "$MALFORMED_ALERTS" = "0" ] || fail "$MALFORMED_ALERTS SQS messages were not SNS notifications of the anomaly record format"

echo "local-topology: PASS ($RUN_SECONDS s run)"
print_report
