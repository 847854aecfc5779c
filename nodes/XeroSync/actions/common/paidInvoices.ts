import { attempt } from '../../../shared/attempt';
import type { XeroResourceSpec } from '../../../shared/xero/resources';
import type { XeroCaller } from './connection';
import { readList } from '../../get/reads';
import type { Entry, SendRun, SyncResult } from './sendRun';
import type { WriteOutcome } from './writeRecords';

export const PAID_NOTE =
	'Not sent: the invoice has a payment or credit note allocated in Xero, which then refuses edits. It stays linked; the output is the Xero invoice as it is now.';

/** An update of an invoice that Xero refused only because it is paid (in part) or credited. */
export function refusedAsPaid(spec: XeroResourceSpec, outcome: WriteOutcome, result: SyncResult): boolean {
	const refusal = spec.settledRefusal;
	return refusal !== undefined && result === 'Updated' && !outcome.ok && outcome.messages.every((m) => refusal.test(m));
}

/**
 * A paid invoice is not an error: what Xero holds is the truth (the payment was made there). Each entry succeeds as
 * "Skipped" with the invoice read back (one call for all), so a following "save status in CRM" step records PAID.
 */
export async function settleAlreadyPaid(run: SendRun, spec: XeroResourceSpec, caller: XeroCaller, entries: Entry[]): Promise<void> {
	if (entries.length === 0) return;
	const ids = entries.map((entry) => String(entry.payload[spec.idField]));
	const read = await attempt(async () => await readList(caller, spec, { IDs: ids.join(',') }, { pageSize: 100 }));
	for (const entry of entries) {
		const record = read.ok ? read.value.find((invoice) => invoice[spec.idField] === entry.payload[spec.idField]) : undefined;
		if (record) {
			run.succeed(entry, { ...record, syncNote: PAID_NOTE }, 'Skipped');
			continue;
		}
		// Without Xero's copy the output would carry the status we were about to send, not PAID: say so instead.
		const reason = read.ok ? 'Xero did not return it' : (read.error as Error).message;
		run.fail(
			entry.index,
			{ message: `not sent: the invoice is paid or credited in Xero, and reading it back failed (${reason}); run again to link it`, code: 'PAID_READBACK' },
			entry.payload,
		);
	}
}
