#!/bin/bash
# Container health probe: exits 0 when GET http://127.0.0.1:PORT/PATH answers HTTP 200 within 3 seconds.
# Usage: healthcheck PATH [DEFAULT_PORT]; the port is $Health__Port, else DEFAULT_PORT, else 8080.
# The .NET runtime images carry no curl or wget; bash's /dev/tcp is enough for one plain HTTP request, and the same
# command serves the Dockerfile HEALTHCHECK, docker-compose healthchecks and ECS container health checks.
set -u
path="${1:-/health/live}"
port="${Health__Port:-${2:-8080}}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
IFS= read -r -t 3 status <&3 || exit 1
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) echo "unhealthy: GET ${path} on port ${port} answered: ${status%$'\r'}" >&2; exit 1 ;;
esac
