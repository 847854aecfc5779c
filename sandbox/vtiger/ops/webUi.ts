import type { Engine } from '../engine';
import { purifyLikeWebUi } from '../schema/html';
import type { StoredRecord } from '../store/records';
import { createRecord } from './save';

// A record saved through vtiger's web UI (index.php, action=Save): every text value goes through vtlib_purify
// first, then the same save as the webservice, with source "CRM" (transcript 36, record 11x2269).
export function saveFromWebUi(engine: Engine, module: string, fields: Record<string, string>): StoredRecord {
	const purified: Record<string, string> = {};
	for (const [name, value] of Object.entries(fields)) purified[name] = purifyLikeWebUi(value);
	const record = createRecord(engine, module, purified, engine.adminUser.id);
	record.values.source = 'CRM';
	return record;
}
