# shellcheck shell=bash
# Shared by scripts/demo.sh and scripts/e2e.sh (source it): build + pack the package, start the sandboxes and a real
# n8n with the package installed as a community package, provision owner/credentials/workflows, stop it all again.
#
# Inputs (env, all optional): STACK_DIR (state + logs), N8N_VERSION / N8N_NODE_MAJOR (default: versions.env default),
# N8N_PORT (default free port), STACK_NAME (log prefix), XERO_CRM_CLOCK_SCALE (the Xero sandbox's clock; n8n's nodes
# learn it from the sandbox's X-Sandbox-Clock-Scale header, not from the environment).
# Outputs (env after stack_up): N8N_URL, SANDBOX_JSON, STACK_OWNER_EMAIL, STACK_OWNER_PASSWORD, N8N_USER_FOLDER.

export STACK_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
N8N_CACHE="${XERO_CRM_N8N_CACHE:-$HOME/.cache/n8n-nodes-xero-crm}"
# shellcheck source=versions.env
source "$STACK_REPO/scripts/n8n/versions.env"
STACK_NAME="${STACK_NAME:-stack}"
STACK_PIDS=()
STACK_PLANT_BAD_RECORDS="${STACK_PLANT_BAD_RECORDS-1}"

stack_log() { printf '[%s %s] %s\n' "$STACK_NAME" "$(date -u +%H:%M:%S)" "$*" >&2; }
stack_die() { stack_log "ERROR: $*"; exit 1; }

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}

# n8n_select VERSION [NODE_MAJOR]: install (cached) and point N8N_HOME / N8N_NODE_BIN at it.
n8n_select() {
  N8N_VERSION="$1"; N8N_NODE_MAJOR="${2:-}"
  local overrides='{}' skip_builds=''
  if [[ "$N8N_VERSION" == "$N8N_NEWEST_VERSION" ]]; then
    overrides="${N8N_NEWEST_OVERRIDES:-}"; skip_builds="${N8N_NEWEST_SKIP_BUILDS:-}"
  fi
  bash "$STACK_REPO/scripts/n8n/install.sh" "$N8N_VERSION" "$N8N_NODE_MAJOR" "$overrides" "$skip_builds"
  N8N_HOME="$N8N_CACHE/n8n-$N8N_VERSION"
  if [[ -n "$N8N_NODE_MAJOR" ]]; then
    N8N_NODE_BIN="$N8N_CACHE/node-$N8N_NODE_MAJOR/node_modules/node/bin/node"
  else
    N8N_NODE_BIN="$(command -v node)"
  fi
  N8N_NODE_BIN="$(readlink -f "$N8N_NODE_BIN")"
  export N8N_HOME N8N_NODE_BIN N8N_VERSION
}

# The environment every n8n process of this stack (server and CLI) runs with.
n8n_env() {
  export N8N_USER_FOLDER="$STACK_DIR/n8n"
  export N8N_PORT N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_PROTOCOL=http
  export N8N_EDITOR_BASE_URL="http://127.0.0.1:$N8N_PORT/" WEBHOOK_URL="http://127.0.0.1:$N8N_PORT/"
  export N8N_DIAGNOSTICS_ENABLED=false N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false
  export N8N_PERSONALIZATION_ENABLED=false N8N_HIRING_BANNER_ENABLED=false
  export N8N_SECURE_COOKIE=false N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS=false
  export N8N_COMMUNITY_PACKAGES_ENABLED=true N8N_REINSTALL_MISSING_PACKAGES=false N8N_VERIFIED_PACKAGES_ENABLED=false
  # The task broker defaults to 5679; several stacks (demo, e2e, colleagues) must not collide.
  export N8N_RUNNERS_BROKER_PORT="${N8N_RUNNERS_BROKER_PORT:-$(free_port)}"
  export N8N_LOG_LEVEL="${N8N_LOG_LEVEL:-info}" N8N_LOG_OUTPUT=console
  export DB_SQLITE_POOL_SIZE="${DB_SQLITE_POOL_SIZE:-2}"
  export EXECUTIONS_DATA_SAVE_ON_SUCCESS=all EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS=true
  export GENERIC_TIMEZONE=UTC TZ=UTC
  export PATH="$(dirname "$N8N_NODE_BIN"):$PATH"
}

n8n_cli() { "$N8N_NODE_BIN" "$N8N_HOME/node_modules/n8n/bin/n8n" "$@"; }

# stack_bg NAME CMD...: start CMD in its own process group, logging to $STACK_DIR/NAME.log; remember it for stack_down.
stack_bg() {
  local name="$1"; shift
  setsid "$@" > "$STACK_DIR/$name.log" 2>&1 < /dev/null &
  local pid=$!
  STACK_PIDS+=("$pid")
  echo "$pid" > "$STACK_DIR/$name.pid"
  eval "STACK_PID_${name//[^a-zA-Z0-9]/_}=$pid"
}

stack_down() {
  local pid
  for pid in "${STACK_PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${STACK_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  STACK_PIDS=()
}

# The .tgz must hold every node and credential file package.json names, or n8n silently loads none of them.
stack_check_tgz() {
  node -e '
const { execFileSync } = require("child_process");
const [tgz, pkgPath] = process.argv.slice(1);
const files = new Set(execFileSync("tar", ["tzf", tgz], { encoding: "utf8" }).split("\n"));
const pkg = require(pkgPath);
const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((f) => !files.has(`package/${f}`));
if (missing.length) { console.error(missing.join("\n")); process.exit(1); }
' "$1" "$STACK_REPO/package.json"
}

stack_build_and_pack() {
  local attempt
  mkdir -p "$STACK_DIR/pack"
  # dist/ is shared by everyone building in this working tree: a build running elsewhere can empty it under us.
  for attempt in 1 2 3; do
    stack_log "building the package (npm run build)"
    (cd "$STACK_REPO" && npm run --silent build) >&2 || stack_die "npm run build failed"
    stack_log "packing it (npm pack)"
    rm -f "$STACK_DIR/pack/"*.tgz
    (cd "$STACK_REPO" && npm pack --silent --pack-destination "$STACK_DIR/pack" > /dev/null) || stack_die "npm pack failed"
    STACK_TGZ="$(ls "$STACK_DIR/pack/"*.tgz | head -1)"
    [[ -f "$STACK_TGZ" ]] || stack_die "npm pack wrote no .tgz"
    if stack_check_tgz "$STACK_TGZ" 2> "$STACK_DIR/pack/missing.txt"; then return 0; fi
    stack_log "the package lacks files package.json names (attempt $attempt): $(tr '\n' ' ' < "$STACK_DIR/pack/missing.txt")"
  done
  stack_die "the packed package lacks files that package.json's n8n section names"
}

# Installed the way n8n's community-package installer does: into ~/.n8n/nodes/node_modules, production only.
stack_install_package() {
  local nodes="$STACK_DIR/n8n/.n8n/nodes"
  mkdir -p "$nodes"
  [[ -f "$nodes/package.json" ]] || printf '{"name":"installed-nodes","private":true,"dependencies":{}}\n' > "$nodes/package.json"
  rm -rf "$nodes/node_modules/n8n-nodes-xero-crm"
  stack_log "installing $(basename "$STACK_TGZ") into $nodes"
  (cd "$nodes" && npm install --no-audit --no-fund --loglevel=error --omit=dev --omit=peer --ignore-scripts "$STACK_TGZ" >&2) \
    || stack_die "npm install of the packed package failed"
}

stack_start_sandboxes() {
  SANDBOX_JSON="$STACK_DIR/sandbox.json"
  rm -f "$SANDBOX_JSON"
  stack_log "starting the Xero and vtiger sandboxes (${SANDBOX_DATA:-demo} data)"
  stack_bg sandbox "$STACK_REPO/node_modules/.bin/ts-node" --transpile-only --project "$STACK_REPO/tsconfig.json" \
    "$STACK_REPO/sandbox/cli.ts" --data "${SANDBOX_DATA:-demo}" --json "$SANDBOX_JSON" ${STACK_PLANT_BAD_RECORDS:+--plant-bad-records} \
    ${SANDBOX_EXTRA_ARGS:-} \
    --clock-scale "${XERO_CRM_CLOCK_SCALE:-1}"
  for _ in $(seq 1 300); do
    [[ -f "$SANDBOX_JSON" ]] && break
    kill -0 "$STACK_PID_sandbox" 2>/dev/null || { cat "$STACK_DIR/sandbox.log" >&2; stack_die "the sandboxes did not start"; }
    sleep 0.2
  done
  [[ -f "$SANDBOX_JSON" ]] || stack_die "the sandboxes did not report their ports within 60 s"
  export SANDBOX_JSON
}

stack_start_n8n() {
  N8N_PORT="${N8N_PORT:-$(free_port)}"
  n8n_env
  N8N_URL="http://127.0.0.1:$N8N_PORT"
  export N8N_URL
  stack_log "starting n8n $N8N_VERSION ($("$N8N_NODE_BIN" --version)) on $N8N_URL, user folder $N8N_USER_FOLDER"
  stack_bg n8n "$N8N_NODE_BIN" "$N8N_HOME/node_modules/n8n/bin/n8n" start
  local start=$SECONDS
  until curl -fsS -o /dev/null "$N8N_URL/healthz" 2>/dev/null; do
    kill -0 "$STACK_PID_n8n" 2>/dev/null || { tail -50 "$STACK_DIR/n8n.log" >&2; stack_die "n8n exited during start"; }
    (( SECONDS - start > 240 )) && { tail -50 "$STACK_DIR/n8n.log" >&2; stack_die "n8n did not answer /healthz within 240 s"; }
    sleep 1
  done
  # /healthz answers before the REST API is mounted; until then every path returns the editor's HTML.
  until curl -fsS "$N8N_URL/rest/settings" 2>/dev/null | grep -q '"userManagement"'; do
    (( SECONDS - start > 240 )) && stack_die "n8n REST API did not come up"
    sleep 1
  done
  stack_log "n8n is up after $((SECONDS - start)) s"
}

# Queue mode (n8n main + workers on Redis): Debian's redis-server on a free loopback port, no persistence.
stack_start_redis() {
  command -v redis-server > /dev/null 2>&1 || stack_die "redis-server is not installed (apt-get install -y redis-server)"
  REDIS_PORT="$(free_port)"
  stack_log "starting redis-server on 127.0.0.1:$REDIS_PORT"
  stack_bg redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --protected-mode yes
  for _ in $(seq 1 50); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && read -r -t 2 reply <&3 && [[ "$reply" == +PONG* ]]) 2>/dev/null; then
      export EXECUTIONS_MODE=queue QUEUE_BULL_REDIS_HOST=127.0.0.1 QUEUE_BULL_REDIS_PORT="$REDIS_PORT"
      return 0
    fi
    sleep 0.2
  done
  stack_die "redis-server did not answer PING"
}

# stack_start_worker N: an `n8n worker` sharing the main instance's user folder (database, encryption key, nodes).
stack_start_worker() {
  local n="$1" health_port broker_port
  health_port="$(free_port)"; broker_port="$(free_port)"
  stack_log "starting n8n worker $n (health on 127.0.0.1:$health_port)"
  N8N_RUNNERS_BROKER_PORT="$broker_port" QUEUE_HEALTH_CHECK_ACTIVE=true QUEUE_HEALTH_CHECK_PORT="$health_port" \
    N8N_WORKER_SERVER_ADDRESS=127.0.0.1 \
    stack_bg "worker$n" "$N8N_NODE_BIN" "$N8N_HOME/node_modules/n8n/bin/n8n" worker --concurrency="${WORKER_CONCURRENCY:-5}"
  local pid_var="STACK_PID_worker$n" start=$SECONDS
  until curl -fsS -o /dev/null "http://127.0.0.1:$health_port/healthz" 2>/dev/null; do
    kill -0 "${!pid_var}" 2>/dev/null || { tail -30 "$STACK_DIR/worker$n.log" >&2; stack_die "worker $n exited during start"; }
    (( SECONDS - start > 180 )) && stack_die "worker $n did not become healthy"
    sleep 1
  done
}

# Owner account, credentials pointing at the sandboxes, example workflows (credential references rewritten).
stack_provision() {
  STACK_OWNER_EMAIL="${STACK_OWNER_EMAIL:-demo@example.com}"
  STACK_OWNER_PASSWORD="${STACK_OWNER_PASSWORD:-Demo-password-1}"
  export STACK_OWNER_EMAIL STACK_OWNER_PASSWORD
  node "$STACK_REPO/scripts/n8n/provision.mjs" owner || stack_die "owner setup failed"
  node "$STACK_REPO/scripts/n8n/provision.mjs" files || stack_die "writing credentials/workflows failed"
  stack_log "importing credentials (n8n import:credentials)"
  n8n_cli import:credentials --input="$STACK_DIR/import/credentials.json" > "$STACK_DIR/import-credentials.log" 2>&1 \
    || { cat "$STACK_DIR/import-credentials.log" >&2; stack_die "n8n import:credentials failed"; }
  if compgen -G "$STACK_DIR/import/workflows/*.json" > /dev/null; then
    stack_log "importing $(ls "$STACK_DIR/import/workflows/"*.json | wc -l) example workflows (n8n import:workflow)"
    n8n_cli import:workflow --separate --input="$STACK_DIR/import/workflows" > "$STACK_DIR/import-workflows.log" 2>&1 \
      || { cat "$STACK_DIR/import-workflows.log" >&2; stack_die "n8n import:workflow failed"; }
  else
    stack_log "no example workflows in examples/ yet"
  fi
  node "$STACK_REPO/scripts/n8n/provision.mjs" activate || stack_die "activating workflows failed"
}

# stack_up: everything, in order. Call stack_down from a trap.
stack_up() {
  mkdir -p "$STACK_DIR"
  n8n_select "${N8N_VERSION:-$N8N_DEFAULT_VERSION}" "${N8N_NODE_MAJOR-$N8N_DEFAULT_NODE_MAJOR}"
  if [[ -z "${STACK_SKIP_BUILD:-}" ]]; then stack_build_and_pack; else STACK_TGZ="$STACK_SKIP_BUILD"; fi
  stack_install_package
  stack_start_sandboxes
  stack_start_n8n
  stack_provision
}
