#!/usr/bin/env bash
# n8n queue mode end to end: Debian's redis-server (installed if missing) on a free loopback port, one n8n main and two
# `n8n worker` processes sharing its user folder, the sandboxes with Xero's per-tenant limits (5 calls in flight, 60
# a minute) and a little latency so that concurrency shows, then test/e2e/queue/queue.e2e.mjs. Stops all of it.
#   scripts/e2e/queue.sh [N8N_VERSION NODE_MAJOR]   (default: versions.env default; E2E_TGZ=file.tgz skips the build)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO"
export STACK_NAME=queue
source "$REPO/scripts/n8n/stack.sh"
V="${1:-$N8N_DEFAULT_VERSION}"; NM="${2-$N8N_DEFAULT_NODE_MAJOR}"
export STACK_DIR="$REPO/test-output/e2e/queue-n8n-$V"
rm -rf "$STACK_DIR"; mkdir -p "$STACK_DIR"

if ! command -v redis-server > /dev/null 2>&1; then
  stack_log "installing Debian's redis-server"
  SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq > "$STACK_DIR/apt.log" 2>&1 && $SUDO apt-get install -y -qq redis-server >> "$STACK_DIR/apt.log" 2>&1 \
    || { tail -20 "$STACK_DIR/apt.log" >&2; stack_die "apt-get install redis-server failed"; }
fi

trap 'stack_down' EXIT
trap 'exit 130' INT TERM
n8n_select "$V" "$NM"
if [[ -n "${E2E_TGZ:-}" ]]; then STACK_TGZ="$E2E_TGZ"; else stack_build_and_pack; fi
stack_install_package
export XERO_CRM_CLOCK_SCALE="${XERO_CRM_CLOCK_SCALE:-1}"
SANDBOX_EXTRA_ARGS="--minute-limit 60 --concurrent-limit 5 --latency-ms 150" stack_start_sandboxes
stack_start_redis
stack_start_n8n
stack_start_worker 1
stack_start_worker 2
export STACK_OWNER_EMAIL="queue@example.com" STACK_OWNER_PASSWORD="Queue-password-1"
stack_provision
export E2E_N8N_VERSION="$V"
stack_log "running test/e2e/queue/queue.e2e.mjs"
node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$STACK_DIR/results.tap" test/e2e/queue/queue.e2e.mjs
