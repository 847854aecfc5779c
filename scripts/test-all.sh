#!/usr/bin/env bash
# Every test the project has, in the order that fails fastest: lint, types, build, n8n's verification checks
# (scripts/verify-n8n.mjs), jest (unit, sandbox fidelity,
# workflow tests, faults and fuzz), the real-n8n end-to-end suite (both n8n versions, browser), then n8n queue mode
# (main + 2 workers on Redis and Postgres, overlapping schedules).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== lint"
npm run --silent lint
echo "== typecheck"
npm run --silent typecheck
echo "== build"
npm run --silent build
echo "== n8n's verification (scanner on source and tarball, n8n-node lint, publish workflow schema)"
node scripts/verify-n8n.mjs
echo "== jest"
npx jest --ci
echo "== e2e (real n8n)"
bash scripts/e2e.sh
echo "== queue mode (real n8n, 2 workers)"
bash scripts/queue-mode.sh
