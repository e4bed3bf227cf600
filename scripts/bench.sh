#!/usr/bin/env bash
# `npm run bench`: every benchmark, PostgreSQL included (a temporary local cluster).
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
source "$(dirname "$0")/postgres.sh"
cd "$ESR_ROOT"
esr_ensure_deps
trap esr_pg_down EXIT
esr_pg_up
pnpm --filter @esr/widgets build >/dev/null
node bench/run-all.ts
