#!/usr/bin/env bash
# Times the real command line: generate the default data set (170k readings, 4 days, 10 devices), then replay it
# through the embedded silo, first with `dotnet run` (includes the build check) and then with the built program.
# Run from the repository root: bash benchmarks/time-replay-command.sh
set -euo pipefail
data=${1:-/tmp/d.ndjson}
alerts=${2:-/tmp/a.ndjson}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
time dotnet run --project src/Ingestor -c Release -- generate --output "$data"
time dotnet run --project src/Ingestor -c Release -- replay --input "$data" --alerts "$alerts" 2> >(grep -v 'RejectionLog\[1\] Rejected record' >&2)
time dotnet src/Ingestor/bin/Release/net10.0/Actors.Ingestor.dll replay --input "$data" --alerts "$alerts" 2> >(grep -v 'RejectionLog\[1\] Rejected record' >&2)
echo "alerts: $(wc -l < "$alerts")"
