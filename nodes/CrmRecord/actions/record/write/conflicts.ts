import type { IDataObject } from 'n8n-workflow';

import { conflictMessage, decideSync, type ConflictPolicy } from '../../../../shared/conflictPolicy';
import { crmToXero, mapBatch } from '../../../../shared/mapping';
import { hasNeeds } from '../../../../shared/mapping/types';
import { CONFLICT_CODE } from '../../../../shared/runSummary';
import { payloadHash, storedHashOf, xeroHash } from '../../../../shared/xero/linkHash';
import { XERO_RESOURCES } from '../../../../shared/xero/resources';
import { changedInXero } from '../../../../shared/xero/storage';
import { RecordProblem } from '../../../helpers/recordProblem';
import type { DescribeResult, VtigerRecord } from '../../../transport';
import { crmFetcher } from '../../crmFetcher';
import type { PreparedWrite } from './prepare';
import type { WriteRun } from './run';

/**
 * CRM Record's side of the Conflict Policy (Xero → CRM; docs/ARCHITECTURE.md, "Conflicts"). The matched CRM record
 * is mapped to Xero's shape as CRM → Xero would send it; its hash says whether the CRM changed since the last sync,
 * the Xero record's hash over the same fields whether Xero did, each against the hash stored with the link
 * (nodes/shared/xero/linkHash.ts: the same two hashes Xero Sync takes, so either direction reads the other's).
 */

export interface ConflictSettings {
	policy: ConflictPolicy;
	/** The CRM field holding the hash stored with the link (cf_xero_sync_hash). */
	hashField: string;
}

/** The matched record as CRM → Xero would send it; undefined when it does not map cleanly (then it is written as before). */
async function crmAsXero(run: WriteRun, write: PreparedWrite, current: VtigerRecord): Promise<IDataObject | undefined> {
	const source = write.input.xero;
	if (!source) return undefined;
	const [result] = await mapBatch(
		1,
		(_index, resolved) => crmToXero(write.input.module, current, { ...source.mapping, resolved }, source.resource),
		crmFetcher(run.client),
	);
	if (result.errors.length > 0 || hasNeeds(result.needs) || result.settled !== undefined) return undefined;
	return result.record as IDataObject;
}

/**
 * Applies the policy to an update of `current`. Returns true when the item is settled here (the CRM's edit is the
 * newer one, or both changed and the policy reports it); otherwise the write goes on, carrying the hash both sides
 * will hold after it, and the usual Unchanged check decides whether anything is sent.
 */
export async function settledByPolicy(
	run: WriteRun,
	write: PreparedWrite,
	current: VtigerRecord,
	describe: DescribeResult,
	id: string,
): Promise<boolean> {
	const settings = run.options.conflict;
	const source = write.input.xero;
	if (!settings || !source) return false;
	let payload: IDataObject | undefined;
	try {
		payload = await crmAsXero(run, write, current);
	} catch (error) {
		run.fail(write.input, error, write.label, describe, id);
		return true;
	}
	if (!payload) return false;
	const spec = XERO_RESOURCES[source.resource];
	const sourceHash = xeroHash(spec, source.record, payload);
	const updated = source.record.UpdatedDateUTC;
	const decision = decideSync({
		policy: settings.policy,
		source: 'xero',
		storedHash: storedHashOf(current as IDataObject, settings.hashField),
		sourceHash,
		targetHash: payloadHash(spec, payload),
		sourceModified: typeof updated === 'string' ? updated : undefined,
		targetModified: typeof current.modifiedtime === 'string' ? current.modifiedtime : undefined,
	});
	if (decision.action === 'skip') {
		run.skip(write.input, decision.reason);
		return true;
	}
	if (decision.action === 'conflict') {
		const versions = changedInXero(payload, source.record).map(
			(field) => `${field}: CRM ${JSON.stringify(payload?.[field] ?? null)}, Xero ${JSON.stringify(source.record[field] ?? null)}`,
		);
		const message = `${describe.name} record ${write.label}: ${conflictMessage(decision.reason, 'not written to the CRM', versions)}`;
		run.conflict(write, new RecordProblem(message, CONFLICT_CODE), describe, id);
		return true;
	}
	// Written or unchanged, both sides then hold Xero's values: their hash is stored with the link.
	write.element[settings.hashField] = sourceHash;
	return false;
}

/** The policy needs somewhere to keep the hash: a module without the field fails its items before any write. */
export function missingHashField(run: WriteRun, describe: DescribeResult): string | undefined {
	const settings = run.options.conflict;
	if (!settings || describe.fields.some((field) => field.name === settings.hashField)) return undefined;
	return `The Conflict Policy keeps the hash of the last synced values in the field "${settings.hashField}", which ${describe.name} does not have: add a text custom field of that name in the CRM (or name another in Sync Hash Field), or set the Conflict Policy to Always Write.`;
}
