import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specDir } from '../../sandbox/xero/validation/openapiSpecs';
import { buildWhereTypes } from '../../sandbox/xero/accounting/whereTypes.build';
import committed from '../../sandbox/xero/accounting/whereTypes.json';

/** The property types the sandbox checks `where` and `order` against are Xero's OpenAPI file's, not a guess. */
it('whereTypes.json is what the OpenAPI file says', () => {
	expect(buildWhereTypes(readFileSync(join(specDir(), 'xero_accounting.yaml'), 'utf8'))).toEqual(committed);
});
