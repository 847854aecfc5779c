#!/usr/bin/env bash
# Every test the project has, in the order that fails fastest: lint, types, build, jest (unit, sandbox fidelity,
# workflow tests), then the real-n8n end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== lint"
npm run --silent lint
echo "== typecheck"
npm run --silent typecheck
echo "== build"
npm run --silent build
echo "== jest"
npx jest --ci
if [ -x scripts/e2e.sh ]; then
	echo "== e2e (real n8n)"
	bash scripts/e2e.sh
fi
