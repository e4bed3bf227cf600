#!/usr/bin/env bash
# Runs a command with the project's toolchain and dependencies in place.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
esr_ensure_deps
cd "$ESR_ROOT"
exec "$@"
