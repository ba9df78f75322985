#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for CI and manual test runs.
#   eval "$(scripts/pg-test-cluster.sh start)"   # exports KOERS_TEST_DATABASE_URL and KOERS_TEST_PG_DIR
#   scripts/pg-test-cluster.sh stop              # stops it and removes its folder
# The cluster lives in a temp folder, listens on a free loopback port and runs as the unprivileged user
# koerspg (created when we are root: PostgreSQL refuses to run as root).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  start)
    started="$(npx tsx tests/support/pgCluster.ts start)"
    read -r url dir <<<"$started"
    echo "export KOERS_TEST_DATABASE_URL='$url' KOERS_TEST_PG_DIR='$dir'"
    ;;
  stop)
    if [ -n "${KOERS_TEST_PG_DIR:-}" ]; then npx tsx tests/support/pgCluster.ts stop "$KOERS_TEST_PG_DIR"; fi
    ;;
  *)
    echo "usage: $0 start | stop" >&2
    exit 2
    ;;
esac
