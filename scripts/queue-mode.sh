#!/usr/bin/env bash
# n8n queue mode with this package: a real n8n main plus 2 workers on Redis (Debian's redis-server on 127.0.0.1) and
# a shared Postgres (QUEUE_DB=sqlite shares the SQLite file instead; n8n only warns that it is unsupported). The
# example sync flows run as several copies on second-schedules at once (every second copy on the OAuth2 credential,
# with all access tokens expiring every 10 s so both workers refresh it), while records are created on both sides;
# test/queue/check.mjs then asserts no duplicates, no lost records, no failed execution and no rate limit (429) that
# surfaced as a failure. Exit code 0 = pass. See the README (queue mode).
#
# Env (all optional): QUEUE_DB=postgres|sqlite, QUEUE_WORKERS (2), QUEUE_COPIES (2 per flow), QUEUE_INTERVALS
# (5,7,11,13 s), QUEUE_LOAD_SECONDS (60), QUEUE_SETTLE_SECONDS (40), QUEUE_TOKEN_EXPIRY_SECONDS (10),
# XERO_CRM_CLOCK_SCALE (1 = Xero's real 60 calls a minute, shared by both workers), STACK_DIR,
# STACK_SKIP_BUILD=<packed .tgz>, KEEP_STACK=1.
set -euo pipefail
cd "$(dirname "$0")/.."
STACK_DIR="${STACK_DIR:-$(mktemp -d /tmp/xero-crm-queue.XXXXXX)}"
STACK_NAME=queue
SANDBOX_DATA=demo
STACK_PLANT_BAD_RECORDS=
export XERO_CRM_CLOCK_SCALE="${XERO_CRM_CLOCK_SCALE:-1}"
QUEUE_DB="${QUEUE_DB:-postgres}"
# shellcheck source=n8n/stack.sh
source scripts/n8n/stack.sh
export STACK_DIR

# Debian's redis-server (and Postgres, when it is the queue's database) come from apt on a machine that lacks them:
# CI starts from the bare image.
missing=()
command -v redis-server > /dev/null 2>&1 || missing+=(redis-server)
if [[ "$QUEUE_DB" == postgres ]] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' > /dev/null; then missing+=(postgresql); fi
if ((${#missing[@]})); then
  stack_log "installing ${missing[*]} (apt-get)"
  SUDO=""; [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  { $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq && $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}"; } > "$STACK_DIR/apt.log" 2>&1 \
    || { tail -20 "$STACK_DIR/apt.log" >&2; stack_die "apt-get install ${missing[*]} failed"; }
fi
PG_BIN="$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -1 || true)"
[[ -n "$PG_BIN" ]] && PATH="$PG_BIN:$PATH"

PG_DIR="$STACK_DIR/pg"
pg_stop() {
  [[ -f "$PG_DIR/data/postmaster.pid" ]] && runuser -u postgres -- pg_ctl -D "$PG_DIR/data" -m fast stop > /dev/null 2>&1 || true
}
cleanup() {
  local code=$?
  stack_down
  pg_stop
  if [[ -z "${KEEP_STACK:-}" && $code -eq 0 ]]; then rm -rf "$STACK_DIR"; else stack_log "logs and state kept in $STACK_DIR"; fi
  exit $code
}
trap cleanup EXIT

# Postgres refuses to run as root; the Debian package's postgres user owns a private cluster on a free port.
start_postgres() {
  command -v initdb > /dev/null || stack_die "Postgres is not installed (apt-get install -y postgresql), or use QUEUE_DB=sqlite"
  local port; port="$(free_port)"
  # Postgres runs as the postgres user, which must be able to reach its folder inside a 0700 mktemp directory.
  chmod 755 "$STACK_DIR"
  mkdir -p "$PG_DIR"; chown postgres "$PG_DIR"
  runuser -u postgres -- initdb -D "$PG_DIR/data" -A trust -U postgres > "$STACK_DIR/pg-init.log" 2>&1 \
    || { cat "$STACK_DIR/pg-init.log" >&2; stack_die "initdb failed"; }
  runuser -u postgres -- pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/pg.log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=100" start > /dev/null \
    || { cat "$PG_DIR/pg.log" >&2; stack_die "Postgres did not start"; }
  runuser -u postgres -- psql -h 127.0.0.1 -p "$port" -U postgres -qc 'CREATE DATABASE n8n' > /dev/null
  export DB_TYPE=postgresdb DB_POSTGRESDB_HOST=127.0.0.1 DB_POSTGRESDB_PORT="$port" DB_POSTGRESDB_DATABASE=n8n \
    DB_POSTGRESDB_USER=postgres DB_POSTGRESDB_PASSWORD=unused
  stack_log "Postgres on 127.0.0.1:$port"
}

mkdir -p "$STACK_DIR"
n8n_select "${N8N_VERSION:-$N8N_DEFAULT_VERSION}" "${N8N_NODE_MAJOR-$N8N_DEFAULT_NODE_MAJOR}"
if [[ -z "${STACK_SKIP_BUILD:-}" ]]; then stack_build_and_pack; else STACK_TGZ="$STACK_SKIP_BUILD"; fi
stack_install_package
stack_start_sandboxes
[[ "$QUEUE_DB" == postgres ]] && start_postgres
stack_start_redis
stack_start_n8n

# stack_provision's steps, with the scheduled copies put in place of the examples before the import.
STACK_OWNER_EMAIL="${STACK_OWNER_EMAIL:-demo@example.com}" STACK_OWNER_PASSWORD="${STACK_OWNER_PASSWORD:-Demo-password-1}"
export STACK_OWNER_EMAIL STACK_OWNER_PASSWORD
node scripts/n8n/provision.mjs owner
node scripts/n8n/provision.mjs files
node test/queue/schedules.mjs
n8n_cli import:credentials --input="$STACK_DIR/import/credentials.json" > "$STACK_DIR/import-credentials.log" 2>&1 \
  || { cat "$STACK_DIR/import-credentials.log" >&2; stack_die "n8n import:credentials failed"; }
n8n_cli import:workflow --separate --input="$STACK_DIR/import/workflows" > "$STACK_DIR/import-workflows.log" 2>&1 \
  || { cat "$STACK_DIR/import-workflows.log" >&2; stack_die "n8n import:workflow failed"; }

for n in $(seq 1 "${QUEUE_WORKERS:-2}"); do stack_start_worker "$n"; done
node test/queue/control.mjs connect-oauth2
node test/queue/control.mjs activate
stack_log "creating records on both sides for ${QUEUE_LOAD_SECONDS:-60} s while the flows run"
node test/queue/load.mjs
stack_log "letting the schedules catch up for ${QUEUE_SETTLE_SECONDS:-40} s"
sleep "${QUEUE_SETTLE_SECONDS:-40}"
node test/queue/control.mjs deactivate
node test/queue/control.mjs drain
for n in $(seq 1 "${QUEUE_WORKERS:-2}"); do
  jobs_done=$(grep -c "Worker finished execution\|finished execution" "$STACK_DIR/worker$n.log" || true)
  stack_log "worker $n log: $jobs_done finished executions"
done
node test/queue/check.mjs
