import type { INodeProperties } from 'n8n-workflow';

/**
 * Which side's edit a sync keeps (docs/ARCHITECTURE.md, "Equal"). Each linked record remembers the hash of the values
 * last synced (nodes/shared/syncHash.ts). Against it, a flow sees whether its source side changed (the payload's hash
 * differs) and whether its target side changed (the target record's hash differs), and decides here. Pure.
 */
export type ConflictPolicy = 'sourceAlways' | 'xeroWins' | 'crmWins' | 'newest' | 'fail';

export type SyncDecision =
	/** Write the source's values over the target. */
	| { action: 'write'; reason: string }
	/** Nothing to write: both sides hold the last synced values, or the same new ones. */
	| { action: 'unchanged'; reason: string }
	/** Leave the target as it is: its edit is the newer one (the flow in the other direction carries it). */
	| { action: 'skip'; reason: string }
	/** Both sides changed differently and the policy is to report it. */
	| { action: 'conflict'; reason: string };

export interface SyncDecisionInput {
	policy: ConflictPolicy;
	/** The side the flow reads from and the side it writes to. */
	source: 'crm' | 'xero';
	/** Hash stored with the link at the last sync; empty: never synced with a hash, so today's behaviour. */
	storedHash?: string;
	/** Hash of the source's values (the payload the flow would write). */
	sourceHash: string;
	/** Hash of the target record's values cut to the payload's fields; undefined when there is no target record. */
	targetHash?: string;
	/** When each side last changed (ISO text or epoch ms), for the "newest" policy. */
	sourceModified?: string | number;
	targetModified?: string | number;
}

function time(value: string | number | undefined): number | undefined {
	if (value === undefined || value === '') return undefined;
	if (typeof value === 'number') return value;
	// vtiger's modifiedtime "2026-12-05 09:00:00" is UTC; Xero's UpdatedDateUTC may be "/Date(1733389200000+0000)/".
	const ms = /\/Date\((-?\d+)/.exec(value);
	if (ms) return Number(ms[1]);
	const parsed = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(value) ? value.replace(' ', 'T') : `${value.replace(' ', 'T')}Z`);
	return Number.isNaN(parsed) ? undefined : parsed;
}

const NAMES = { crm: 'the CRM', xero: 'Xero' };

/** What to do with one linked record. The default policy (sourceAlways) and a record without a stored hash keep today's behaviour: write. */
export function decideSync(input: SyncDecisionInput): SyncDecision {
	const { policy, source, storedHash, sourceHash, targetHash } = input;
	const target = source === 'crm' ? 'xero' : 'crm';
	if (policy === 'sourceAlways' || !storedHash || targetHash === undefined) {
		return { action: 'write', reason: 'no remembered state to compare with' };
	}
	if (sourceHash === targetHash) return { action: 'unchanged', reason: 'both sides hold the same values' };
	const sourceChanged = sourceHash !== storedHash;
	const targetChanged = targetHash !== storedHash;
	if (!sourceChanged && !targetChanged) return { action: 'unchanged', reason: 'neither side changed since the last sync' };
	if (sourceChanged && !targetChanged) return { action: 'write', reason: `only ${NAMES[source]} changed since the last sync` };
	if (!sourceChanged) {
		return {
			action: 'skip',
			reason: `${NAMES[target]} has the newer edit (only it changed since the last sync); the ${NAMES[target]} → ${NAMES[source]} flow carries it`,
		};
	}
	// Both changed, to different values.
	const wins = (side: 'crm' | 'xero', why: string): SyncDecision =>
		side === source
			? { action: 'write', reason: `changed on both sides; ${why}` }
			: { action: 'skip', reason: `changed on both sides; ${why}` };
	if (policy === 'xeroWins') return wins('xero', 'Xero wins by the conflict policy');
	if (policy === 'crmWins') return wins('crm', 'the CRM wins by the conflict policy');
	if (policy === 'newest') {
		const s = time(input.sourceModified);
		const t = time(input.targetModified);
		if (s !== undefined && t !== undefined) {
			return s >= t ? wins(source, `${NAMES[source]}'s edit is the newer one`) : wins(target, `${NAMES[target]}'s edit is the newer one`);
		}
		return { action: 'conflict', reason: 'changed on both sides and the change times are unknown, so the newest cannot be told' };
	}
	return { action: 'conflict', reason: 'changed on both sides since the last sync' };
}

/**
 * The sync-log message of a record that changed on both sides, the same from either direction: the decision's
 * reason, what was not done, and both versions of each field that differs.
 */
export function conflictMessage(reason: string, notDone: string, versions: string[]): string {
	return `${reason}; ${notDone}. ${versions.join('; ')}. Choose which version to keep (edit one side to match, or set the Conflict Policy to Xero Wins, CRM Wins or Most Recent Change Wins).`;
}

export const conflictPolicyOption: INodeProperties = {
	displayName: 'Conflict Policy',
	name: 'conflictPolicy',
	type: 'options',
	default: 'sourceAlways',
	options: [
		{ name: 'Always Write (No Check)', value: 'sourceAlways', description: 'Write as before, whatever changed on the other side' },
		{ name: 'CRM Wins', value: 'crmWins', description: 'When both sides changed, keep the CRM\'s version' },
		{ name: 'Most Recent Change Wins', value: 'newest', description: 'When both sides changed, keep the later edit' },
		{ name: 'Report as Conflict', value: 'fail', description: 'When both sides changed, send the record to the error output as a CONFLICT' },
		{ name: 'Xero Wins', value: 'xeroWins', description: 'When both sides changed, keep Xero\'s version' },
	],
	description:
		'With the sync hash stored beside the Xero ID (cf_xero_sync_hash), a record changed only on the other side is never overwritten with the stale copy; this chooses what happens when both sides changed',
};
