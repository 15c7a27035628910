#!/usr/bin/env bash
# Runs every test: unit tests, the emulator's contract tests, and end-to-end tests with the real JDA client against
# the emulator and real PostgreSQL servers that the tests start themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
exec mvn -B verify "$@"
