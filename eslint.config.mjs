// n8n's own lint config for community packages (`n8n-node lint` runs ESLint with it), limited to what we ship:
// the scanner that verifies community packages lints the same files (package.json, nodes/, credentials/).
// Tests, sandboxes, bench and scripts never reach a user's n8n and keep their own Node idioms.
import { globalIgnores } from 'eslint/config';
import { config } from '@n8n/node-cli/eslint';

export default [globalIgnores(['test', 'sandbox', 'bench', 'scripts', 'examples', 'gulpfile.js', 'index.js', 'jest.config.js', 'eslint.config.mjs']), ...config];
