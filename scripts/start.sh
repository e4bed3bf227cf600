#!/usr/bin/env bash
# `npm start`: the reference server on 127.0.0.1 (embedded PGlite in packages/reference-server/.data,
# seeded with a demo trust on first start) and the demo page with the widgets.
# DATABASE_URL=postgres://… uses a PostgreSQL server instead; PORT=… picks the port (default 8787).
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
cd "$ESR_ROOT"
esr_ensure_deps
esr_log "building the widget bundle"
pnpm --filter @esr/widgets build >/dev/null
exec pnpm --filter @esr/reference-server start
