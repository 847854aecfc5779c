#!/usr/bin/env bash
# Install n8n@VERSION (and, when asked, a Node.js runtime from the npm package `node`) into a cache outside the repo.
#   scripts/n8n/install.sh 2.8.4            -> $CACHE/n8n-2.8.4
#   scripts/n8n/install.sh 2.39.2 22        -> $CACHE/node-22 (npm package node@22) and $CACHE/n8n-2.39.2 built with it
#   scripts/n8n/install.sh 2.41.1 24 '{"linkedom":"0.18.13"}' '@confluentinc/kafka-javascript'
#                                           -> extra npm overrides (JSON) besides xlsx, and packages whose native
#                                              build is skipped (it needs a download or system libraries this
#                                              machine lacks; only the nodes that use them are affected)
# Idempotent: a complete install (marker file .complete) is skipped.
set -euo pipefail
VERSION="${1:?usage: install.sh N8N_VERSION [NODE_MAJOR] [EXTRA_OVERRIDES_JSON]}"
NODE_MAJOR="${2:-}"
EXTRA_OVERRIDES="${3:-}"
SKIP_BUILDS="${4:-}"
[[ -n "$EXTRA_OVERRIDES" ]] || EXTRA_OVERRIDES='{}'
CACHE="${XERO_CRM_N8N_CACHE:-$HOME/.cache/n8n-nodes-xero-crm}"
mkdir -p "$CACHE"

NODE_BIN="$(command -v node)"
if [[ -n "$NODE_MAJOR" ]]; then
  NODE_DIR="$CACHE/node-$NODE_MAJOR"
  if [[ ! -f "$NODE_DIR/.complete" ]]; then
    echo "[n8n-install] installing Node.js $NODE_MAJOR (npm package node@$NODE_MAJOR) into $NODE_DIR" >&2
    rm -rf "$NODE_DIR"; mkdir -p "$NODE_DIR"
    printf '{"name":"node-runtime","private":true}\n' > "$NODE_DIR/package.json"
    (cd "$NODE_DIR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2)
    "$NODE_DIR/node_modules/node/bin/node" --version >/dev/null
    touch "$NODE_DIR/.complete"
  fi
  NODE_BIN="$NODE_DIR/node_modules/node/bin/node"
fi
NODE_BIN_DIR="$(dirname "$(readlink -f "$NODE_BIN")")"

DIR="$CACHE/n8n-$VERSION"
if [[ -f "$DIR/.complete" && -x "$DIR/node_modules/.bin/n8n" ]]; then
  echo "[n8n-install] n8n $VERSION already installed in $DIR" >&2
  exit 0
fi
echo "[n8n-install] installing n8n@$VERSION with $("$NODE_BIN" --version) into $DIR (several minutes, ~2.3 GB)" >&2
rm -rf "$DIR"; mkdir -p "$DIR"
# n8n's xlsx dependency is a tarball outside the registry (not reachable here); the registry's last xlsx, 0.18.5,
# stands in for it.
node -e '
const [version, extra] = process.argv.slice(1);
const pkg = { name: `n8n-runtime-${version}`, private: true, dependencies: { n8n: version },
  overrides: { xlsx: "0.18.5", ...JSON.parse(extra) } };
require("fs").writeFileSync(process.argv[3], JSON.stringify(pkg, null, 2) + "\n");
' "$VERSION" "$EXTRA_OVERRIDES" "$DIR/package.json"
# npm runs lifecycle scripts (native builds) with the node found on PATH: put the chosen runtime first.
if [[ -z "$SKIP_BUILDS" ]]; then
  (cd "$DIR" && PATH="$NODE_BIN_DIR:$PATH" npm install --no-audit --no-fund --loglevel=error >&2)
else
  (
    cd "$DIR"
    export PATH="$NODE_BIN_DIR:$PATH"
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts >&2
    mapfile -t scripted < <(npm query ':attr(scripts, [install]), :attr(scripts, [postinstall]), :attr(scripts, [preinstall])' \
      | node -e 'const skip = new Set(process.argv[1].split(" ")); let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
          for (const name of new Set(JSON.parse(s).map(p => p.name))) if (!skip.has(name)) console.log(name); });' "$SKIP_BUILDS")
    echo "[n8n-install] building ${#scripted[@]} packages with install scripts (skipping: $SKIP_BUILDS)" >&2
    npm rebuild --loglevel=error "${scripted[@]}" >&2
  )
fi
test -x "$DIR/node_modules/.bin/n8n"
printf '%s\n' "$("$NODE_BIN" --version)" > "$DIR/.node-version"
touch "$DIR/.complete"
echo "[n8n-install] done: $DIR" >&2
