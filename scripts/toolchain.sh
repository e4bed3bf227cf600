# Sourced by the other scripts: puts the project's own Node 24 and pnpm 12 first on PATH,
# installing them from the npm registry into .tools/ when missing (a fresh machine has only
# Node 20 and npm). Idempotent: a second run costs a version check.
ESR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ESR_TOOLS="${ESR_TOOLS:-$ESR_ROOT/.tools}"
ESR_NODE_MAJOR=24
ESR_PNPM_VERSION=12.21.0

esr_log() { printf '\033[1;34m[esr]\033[0m %s\n' "$*" >&2; }

esr_as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    esr_log "need root for: $*"; return 1; fi
}

esr_ensure_node() {
  if "$ESR_TOOLS/bin/node" --version 2>/dev/null | grep -q "^v${ESR_NODE_MAJOR}\." &&
     [ "$("$ESR_TOOLS/bin/pnpm" --version 2>/dev/null)" = "$ESR_PNPM_VERSION" ]; then
    return 0
  fi
  esr_log "installing Node ${ESR_NODE_MAJOR} and pnpm ${ESR_PNPM_VERSION} into $ESR_TOOLS"
  npm install --global --prefix "$ESR_TOOLS" --no-audit --no-fund --loglevel=error \
    "node@${ESR_NODE_MAJOR}" "pnpm@${ESR_PNPM_VERSION}" >&2
}

# Debian packages, installed only when the command they provide is missing.
esr_ensure_apt() { # esr_ensure_apt <probe-path> <package...>
  local probe="$1"; shift
  [ -e "$probe" ] && return 0
  esr_log "installing Debian packages: $*"
  esr_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
  esr_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >&2
}

esr_ensure_chromium() { esr_ensure_apt /usr/bin/chromium chromium; export CHROME_PATH=/usr/bin/chromium; }

# pdftotext reads generated payslip PDFs back in the tests, as a person's PDF viewer would.
esr_ensure_pdftools() { esr_ensure_apt /usr/bin/pdftotext poppler-utils; }

esr_ensure_postgres() {
  if ! ls -d /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    esr_ensure_apt /nonexistent-force postgresql
  fi
}

# pnpm install, skipped when node_modules already matches the lockfile.
esr_ensure_deps() {
  if [ -f "$ESR_ROOT/node_modules/.pnpm/lock.yaml" ] &&
     cmp -s "$ESR_ROOT/pnpm-lock.yaml" "$ESR_ROOT/node_modules/.pnpm/lock.yaml"; then
    return 0
  fi
  esr_log "installing dependencies (pnpm install)"
  (cd "$ESR_ROOT" && pnpm install --frozen-lockfile --reporter=append-only >&2)
}

esr_ensure_node
export PATH="$ESR_TOOLS/bin:$ESR_ROOT/node_modules/.bin:$PATH"
export STORYBOOK_DISABLE_TELEMETRY=1
