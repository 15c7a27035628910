#!/usr/bin/env bash
# Builds Guildhall and runs it. With no DISCORD_TOKEN it starts the sandbox: a local Discord emulator, the bot
# connected to it, and a page to drive it (its address is printed).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
mvn -q -B -DskipTests install
export LOG_FORMAT="${LOG_FORMAT:-text}"
exec java -jar guildhall-app/target/guildhall.jar "${@:-run}"
