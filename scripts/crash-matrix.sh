#!/usr/bin/env bash
# Runs every crash scenario of issue 7 (tests/Cluster.Tests/Crash/CrashScenario.cs, CrashScenario.Matrix) with real
# processes: moto_server, redis-server, three silo processes (Redis membership, DynamoDB state, alerts to a FIFO SNS
# topic with a FIFO SQS queue subscribed), and the ingestor process reading a moto Kinesis stream. In each scenario a
# silo and the ingestor are SIGKILLed at points of the stream and started again; the scenario passes when the alert IDs
# in the queue are, exactly once each, those of a plain `replay` of the same records, and every device accepted exactly
# its readings. CI runs one representative scenario (the same test without CRASH_MATRIX).
#
# Usage: scripts/crash-matrix.sh [--no-build]
# Prints one line per scenario (expected, received, distinct, duplicated, missing, unexpected alerts) and the test
# summary; exits with dotnet test's status. The whole log is kept in $LOG (default: a temporary file, printed at the end).
# Takes about 1-2 minutes per scenario on a quiet 2-core machine (3-4 under load).
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD=(--no-build)
case "${1:-}" in
  --no-build) ;;
  '') BUILD=() ;;
  *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
esac
for tool in dotnet moto_server redis-server; do
  command -v "$tool" >/dev/null 2>&1 || { echo "crash-matrix: $tool is not installed" >&2; exit 2; }
done
LOG="${LOG:-$(mktemp "${TMPDIR:-/tmp}/crash-matrix.XXXXXX.log")}"

CRASH_MATRIX=all dotnet test "$ROOT/tests/Cluster.Tests" -c Release "${BUILD[@]}" \
  --filter "FullyQualifiedName~Actors.Cluster.Tests.Crash.CrashTests" \
  --logger "console;verbosity=detailed" >"$LOG" 2>&1
status=$?

grep -E '^ *crash-result \|' "$LOG" | sed 's/^ *//' | sort -u
grep -E '^\s+(Passed|Failed) Actors\.Cluster\.Tests\.Crash' "$LOG" | sed 's/^ *//'
grep -E '(Passed|Failed)!  -' "$LOG"
echo "crash-matrix: full log in $LOG"
exit "$status"
