import type { XeroResourceSpec } from '../../../shared/xero/resources';
import { targetKeys } from '../../helpers/matching';
import type { Entry, SendRun } from './sendRun';

/**
 * Items of one execution aimed at the same Xero record (same ID, same CRM record, or a key Xero keeps unique): the
 * first goes on, the later ones fail. Checked over the whole execution before any batch starts, because batches
 * run concurrently and each looks up before it writes — two copies in two batches would both find nothing.
 */
export function dropDuplicateInput(run: SendRun, spec: XeroResourceSpec, entries: Entry[]): Entry[] {
	const firstBy = new Map<string, Entry>();
	const kept: Entry[] = [];
	for (const entry of entries) {
		const keys = targetKeys(spec, entry.payload, entry.crmId);
		const earlier = keys.map((k) => firstBy.get(k)).find((e) => e !== undefined);
		if (earlier) {
			run.fail(
				entry.index,
				{
					message: `input item ${earlier.index + 1} of this run sends the same ${spec.label.toLowerCase()}; merge the two items or send them in separate runs.`,
					code: 'DUPLICATE_INPUT',
				},
				entry.payload,
			);
			continue;
		}
		for (const k of keys) firstBy.set(k, entry);
		kept.push(entry);
	}
	return kept;
}
