#!/usr/bin/env bash
# End-to-end tests in a real n8n: for each n8n version in scripts/n8n/versions.env (2.8.4 under Node 20, and the
# newest that installs here under Node from the npm package `node`), start the demo stack on free ports, run
# test/e2e/*.e2e.mjs with node's test runner (example flows via REST, sandbox state, OAuth2, a real browser), stop it.
#   scripts/e2e.sh [default|newest|all]      (all by default; E2E_ONLY=stack,flows,settle,instant,oauth2,browser,newcomer,agent picks,
#                                             E2E_TGZ=package.tgz skips the build)
# Output: test-output/e2e/<version>/ (logs, TAP), screenshots/ (browser). Exit status 1 when any test failed.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
TARGET="${1:-all}"
E2E_OUT="$REPO/test-output/e2e"
mkdir -p "$E2E_OUT"
export STACK_DIR="$E2E_OUT" STACK_NAME=e2e
source "$REPO/scripts/n8n/stack.sh"
T0=$SECONDS

# A real browser: Debian's chromium (playwright-core drives it; it never downloads a browser of its own).
if ! command -v chromium > /dev/null 2>&1; then
  stack_log "installing Debian's chromium"
  SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq > "$E2E_OUT/apt.log" 2>&1 && $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >> "$E2E_OUT/apt.log" 2>&1 \
    || { tail -20 "$E2E_OUT/apt.log" >&2; stack_die "apt-get install chromium failed"; }
fi
export CHROMIUM_PATH="${CHROMIUM_PATH:-$(command -v chromium)}"

case "$TARGET" in
  default) TARGETS=("$N8N_DEFAULT_VERSION|$N8N_DEFAULT_NODE_MAJOR") ;;
  newest) TARGETS=("$N8N_NEWEST_VERSION|$N8N_NEWEST_NODE_MAJOR") ;;
  all) TARGETS=("$N8N_DEFAULT_VERSION|$N8N_DEFAULT_NODE_MAJOR" "$N8N_NEWEST_VERSION|$N8N_NEWEST_NODE_MAJOR") ;;
  *) stack_die "usage: scripts/e2e.sh [default|newest|all]" ;;
esac

# Install every n8n first (cached outside the repo; minutes on a clean machine, skipped afterwards).
for t in "${TARGETS[@]}"; do
  IFS='|' read -r v n <<< "$t"
  t_install=$SECONDS
  n8n_select "$v" "$n"
  stack_log "n8n $v ready ($((SECONDS - t_install)) s)"
done

if [[ -n "${E2E_TGZ:-}" ]]; then TGZ="$E2E_TGZ"; else stack_build_and_pack; TGZ="$STACK_TGZ"; fi

# Files run in this order (node --test sorts them): stack, flows, settle (the organisations pair on schedules), instant (needs the flows' linked invoices), oauth2,
# browser, newcomer (builds a flow in the editor, then pays an invoice with npm run demo:pay), agent.
FILES=()
for f in test/e2e/[0-9]*-*.e2e.mjs; do
  name="$(basename "$f" .e2e.mjs)"; name="${name#*-}"
  if [[ -z "${E2E_ONLY:-}" || ",$E2E_ONLY," == *",$name,"* ]]; then FILES+=("$f"); fi
done
[[ ${#FILES[@]} -gt 0 ]] || stack_die "no test file matches E2E_ONLY=$E2E_ONLY"

TOTAL_PASS=0; TOTAL_FAIL=0; SUMMARY=()
for t in ${TARGETS[@]+"${TARGETS[@]}"}; do
  IFS='|' read -r v n <<< "$t"
  dir="$E2E_OUT/n8n-$v"
  rm -rf "$dir"; mkdir -p "$dir"
  t_run=$SECONDS
  set +e
  (
    export STACK_DIR="$dir" STACK_NAME="e2e $v" STACK_SKIP_BUILD="$TGZ" N8N_VERSION="$v" N8N_NODE_MAJOR="$n"
    unset N8N_PORT
    export XERO_CRM_CLOCK_SCALE="${XERO_CRM_CLOCK_SCALE:-1}"
    # The Xero sandbox checks every request and response against Xero's OpenAPI files; counters land here.
    export XERO_SANDBOX_VALIDATION_DIR="$dir/openapi"
    mkdir -p "$XERO_SANDBOX_VALIDATION_DIR"
    export STACK_OWNER_EMAIL="e2e@example.com" STACK_OWNER_PASSWORD="E2e-password-1"
    trap 'stack_down' EXIT
    trap 'exit 130' INT TERM
    stack_up
    export E2E_N8N_VERSION="$v" SCREENSHOTS_DIR="$REPO/screenshots/n8n-$v"
    rm -rf "$SCREENSHOTS_DIR"; mkdir -p "$SCREENSHOTS_DIR"
    stack_log "running ${FILES[*]}"
    node --test --test-concurrency=1 \
      --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$dir/results.tap" \
      "${FILES[@]}"
  )
  rc=$?
  # Sums the sandbox's OpenAPI counters (written on close) and fails on any request or response outside the spec.
  if XERO_SANDBOX_VALIDATION_DIR="$dir/openapi" "$REPO/node_modules/.bin/ts-node" --transpile-only \
      "$REPO/test/support/openapiReport.ts" > "$dir/openapi.log" 2>&1; then
    openapi_ok=1
  else
    openapi_ok=0
  fi
  cat "$dir/openapi.log"
  set -e
  pass=$(grep -E '^# pass ' "$dir/results.tap" 2>/dev/null | awk '{print $3}' || true)
  fail=$(grep -E '^# fail ' "$dir/results.tap" 2>/dev/null | awk '{print $3}' || true)
  pass=${pass:-0}; fail=${fail:-0}
  if [[ $openapi_ok == 1 ]]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
  # A stack that did not come up counts as a failure even though no test ran.
  if [[ $rc -ne 0 && $fail -eq 0 ]]; then fail=1; fi
  TOTAL_PASS=$((TOTAL_PASS + pass)); TOTAL_FAIL=$((TOTAL_FAIL + fail))
  SUMMARY+=("n8n $v (node ${n:-$(node --version)}): $pass passed, $fail failed, $((SECONDS - t_run)) s")
done

echo
echo "== e2e summary ($((SECONDS - T0)) s in all)"
for line in "${SUMMARY[@]}"; do echo "   $line"; done
echo "$TOTAL_PASS passed, $TOTAL_FAIL failed"
[[ $TOTAL_FAIL -eq 0 ]]
