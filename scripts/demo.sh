#!/usr/bin/env bash
# npm run demo: the package in a real n8n, against the local Xero and vtiger sandboxes with demo data.
#   - builds and packs the package, installs the .tgz into .demo/n8n/.n8n/nodes (a community package, real type names)
#   - starts both sandboxes (npm run sandbox) and n8n (version from scripts/n8n/versions.env, cached outside git)
#   - creates the owner account, imports credentials pointing at the sandboxes and the workflows from examples/
#   - prints the editor URL and the login; Ctrl-C stops everything it started.
# Env: DEMO_N8N_VERSION / DEMO_NODE_MAJOR (another n8n, e.g. the newest in versions.env), N8N_PORT (default 5678 when
# free), DEMO_KEEP=1 (keep the n8n data of the last demo instead of starting clean).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
export STACK_DIR="$REPO/.demo" STACK_NAME=demo
source "$REPO/scripts/n8n/stack.sh"

N8N_VERSION="${DEMO_N8N_VERSION:-$N8N_DEFAULT_VERSION}"
N8N_NODE_MAJOR="${DEMO_NODE_MAJOR-$N8N_DEFAULT_NODE_MAJOR}"
if [[ -z "${N8N_PORT:-}" ]]; then
  if curl -s -o /dev/null --max-time 1 http://127.0.0.1:5678/ 2>/dev/null; then N8N_PORT="$(free_port)"; else N8N_PORT=5678; fi
fi
[[ "$N8N_PORT" == 5679 ]] && stack_die "port 5679 is n8n's task broker; choose another N8N_PORT"
export XERO_CRM_CLOCK_SCALE="${XERO_CRM_CLOCK_SCALE:-1}"

mkdir -p "$STACK_DIR"
[[ -n "${DEMO_KEEP:-}" ]] || rm -rf "$STACK_DIR/n8n"

trap 'stack_down' EXIT
trap 'echo; stack_log "stopping"; exit 130' INT TERM

stack_up

echo
echo "================================================================================"
echo " n8n $N8N_VERSION is running with n8n-nodes-xero-crm ($(basename "$STACK_TGZ"))"
echo
echo "   Editor:   $N8N_URL/"
echo "   Login:    $STACK_OWNER_EMAIL  /  $STACK_OWNER_PASSWORD"
echo
node -e '
const s = require(process.argv[1]);
console.log(`   Xero sandbox:   ${s.xero.url}   (state: ${s.xero.stateUrl})`);
console.log(`   vtiger sandbox: ${s.crm.url}/webservice.php   (state: ${s.crm.stateUrl})`);
' "$SANDBOX_JSON"
echo
echo "   Credentials (already imported): Xero Custom Connection (sandbox), Xero OAuth2 (sandbox) -"
echo "   click 'Connect my account' to run its OAuth2 flow against the sandbox -, Simply CRM (sandbox)."
echo "   Example workflows:"
node -e '
for (const w of require(process.argv[1])) console.log(`     - ${w.name}   ${process.argv[2]}/workflow/${w.id}`);
' "$STACK_DIR/import/workflows.index.json" "$N8N_URL"
node -e '
const fs = require("fs");
const s = require(process.argv[1]);
let instant = [];
try { instant = JSON.parse(fs.readFileSync(process.argv[2], "utf8")); } catch {}
for (const i of instant) {
  console.log(`   Instant flow (active): ${i.name} - the Xero sandbox posts signed webhooks to ${i.url}`);
  console.log("     try it: npm run demo:pay  (lists the invoices you can pay), then  npm run demo:pay -- INV-0002");
  console.log("     (in a second terminal): the payment reaches n8n as a signed webhook and the CRM invoice turns Paid.");
}
if (s.planted?.length) {
  console.log("   Planted CRM records that Xero refuses (they show on the error outputs and in the CRM log):");
  for (const p of s.planted) console.log(`     - ${p.module} ${p.id} "${p.label}"`);
}
' "$SANDBOX_JSON" "$STACK_DIR/import/instant.json"
echo
echo "   Logs: $STACK_DIR/*.log        Ctrl-C stops n8n and the sandboxes."
echo "================================================================================"

# Stay up until n8n or the sandboxes exit, or Ctrl-C.
while kill -0 "$STACK_PID_n8n" 2>/dev/null && kill -0 "$STACK_PID_sandbox" 2>/dev/null; do sleep 1; done
stack_log "n8n or the sandboxes exited; see $STACK_DIR/n8n.log and $STACK_DIR/sandbox.log"
exit 1
