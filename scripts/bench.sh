#!/usr/bin/env bash
# Builds the app and the load generator, then offers /leaderboard at a fixed rate to Guildhall in standalone and
# distributed mode and to a bare NATS + PostgreSQL pipeline, and prints latency and throughput for each.
# Options go to the load generator: scripts/bench.sh --help
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
mvn -q -B -DskipTests -pl guildhall-bench -am install
exec java -jar guildhall-bench/target/guildhall-bench.jar "$@"
