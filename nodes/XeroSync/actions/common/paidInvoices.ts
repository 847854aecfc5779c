import type { IDataObject } from 'n8n-workflow';
import type { XeroResourceSpec } from '../../../shared/xero/resources';
import type { XeroCaller } from './readRecords';
import { readList } from './readRecords';
import type { Entry, SendRun, SyncResult } from './sendRun';
import type { WriteOutcome } from './writeRecords';

/** Xero's refusal to edit an invoice with a payment or credit note allocated (the sandbox answers the same). */
const HAS_PAYMENTS = /cannot be edited as it has a payment or credit note allocated/i;

export const PAID_NOTE =
	'Not sent: the invoice has a payment or credit note allocated in Xero, which then refuses edits. It stays linked; the output is the Xero invoice as it is now.';

/** An update of an invoice that Xero refused only because it is paid (in part) or credited. */
export function refusedAsPaid(spec: XeroResourceSpec, outcome: WriteOutcome, result: SyncResult): boolean {
	return spec.resource === 'invoice' && result === 'Updated' && !outcome.ok && outcome.messages.every((m) => HAS_PAYMENTS.test(m));
}

/**
 * A paid invoice is not an error: what Xero holds is the truth (the payment was made there). Each entry succeeds as
 * "Skipped" with the invoice read back (one call for all), so a following "save status in CRM" step records PAID.
 */
export async function settleAlreadyPaid(run: SendRun, spec: XeroResourceSpec, caller: XeroCaller, entries: Entry[]): Promise<void> {
	if (entries.length === 0) return;
	const ids = entries.map((entry) => String(entry.payload[spec.idField]));
	let current: IDataObject[] = [];
	try {
		current = await readList(caller, spec, { IDs: ids.join(',') }, { pageSize: 100 });
	} catch {
		// The answer is known without the read: the output then carries what was about to be sent.
	}
	for (const entry of entries) {
		const record = current.find((invoice) => invoice[spec.idField] === entry.payload[spec.idField]) ?? entry.payload;
		run.succeed(entry, { ...record, syncNote: PAID_NOTE }, 'Skipped');
	}
}
