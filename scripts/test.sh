#!/usr/bin/env bash
# `npm test`: everything CI checks, from a fresh machine (installs Node 24, pnpm, Chromium and
# PostgreSQL when missing), in the order that fails fastest.
set -euo pipefail
source "$(dirname "$0")/toolchain.sh"
source "$(dirname "$0")/postgres.sh"
cd "$ESR_ROOT"
esr_ensure_chromium
esr_ensure_pdftools
esr_ensure_postgres
esr_ensure_deps

started=$SECONDS
step() { esr_log "── $* ($(( SECONDS - started )) s)"; }
trap esr_pg_down EXIT

step "contract drift: openapi.json and the SDK's generated types must match the routes"
tmp="$(mktemp -d)"
node packages/reference-server/scripts/dump-openapi.ts "$tmp/openapi.json" >/dev/null
cmp -s "$tmp/openapi.json" packages/reference-server/openapi.json ||
  { esr_log "openapi.json is stale: run 'pnpm --filter @esr/reference-server openapi' and commit it"; exit 1; }
pnpm --filter @esr/sdk exec openapi-typescript "$tmp/openapi.json" --output "$tmp/openapi.ts" >/dev/null 2>&1
cmp -s "$tmp/openapi.ts" packages/sdk/src/generated/openapi.ts ||
  { esr_log "SDK types are stale: run 'pnpm --filter @esr/sdk gen' and commit them"; exit 1; }
rm -rf "$tmp"

step "widgets build (the stories type-check against its custom-elements.json)"
pnpm --filter @esr/widgets build

step "type-check every package"
for project in packages/reference-server packages/sdk packages/widgets stories bench; do
  tsc --noEmit -p "$project"
done

step "reference server on embedded PGlite"
pnpm --filter @esr/reference-server test

step "reference server on PostgreSQL (Debian server, temporary cluster)"
esr_pg_up
pnpm --filter @esr/reference-server test:postgres
esr_pg_down

step "SDK (msw in Node, and against the real server in-process)"
pnpm --filter @esr/sdk test

step "widgets in headless Chromium (msw service worker, axe)"
pnpm --filter @esr/widgets test

step "Storybook build, and every story rendered and checked with axe in Chromium"
pnpm --filter @esr/stories test

step "all suites passed in $(( SECONDS - started )) s"
