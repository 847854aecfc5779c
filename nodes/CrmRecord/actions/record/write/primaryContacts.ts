import type { INodeExecutionData } from 'n8n-workflow';

import { isFailedItem } from '../../../../shared/syncLog';
import { RecordProblem } from '../../../helpers/recordProblem';
import type { WriteRun } from './run';
import type { WriteInput } from './types';
import { upsertRecords } from './upsert/upsert';

/**
 * A Xero organisation's person becomes the account's primary Contacts record, upserted on its Xero ID or on
 * account and last name. A failure fails the item: rerunning the upsert repeats nothing that already worked.
 */
export async function writePrimaryContacts(run: WriteRun) {
	// A preview reports the organisation only; its person would be written after it.
	if (run.options.preview) return;
	const inputs: WriteInput[] = [];
	for (const [itemIndex, { contact, xeroId }] of run.primaryContacts) {
		const account = run.results[itemIndex];
		// Only beside an account that was written or found unchanged: a skipped one (the CRM has the newer edit) has
		// no id here, and its person would be written loose from it.
		if (!account || isFailedItem(account) || !account.json.id) continue;
		const values = { ...contact, account_id: account.json.id };
		const link = Object.keys(contact).find((field) => field.startsWith('cf_') && contact[field]);
		inputs.push({
			itemIndex,
			module: 'Contacts',
			xeroId,
			values,
			alternatives: [
				...(link ? [[{ field: link, value: contact[link] }]] : []),
				[
					{ field: 'account_id', value: account.json.id },
					{ field: 'lastname', value: contact.lastname },
				],
			],
		});
	}
	if (inputs.length === 0) return;
	const sub = run.subRun('upsert', { raw: true });
	try {
		const describe = await run.client.describe('Contacts');
		await upsertRecords(sub, inputs, describe, (await run.client.session()).userId);
	} catch (error) {
		for (const input of inputs) sub.fail(input, error, `item ${input.itemIndex + 1}`);
	}
	for (const input of inputs) {
		const result = sub.results[input.itemIndex];
		const account = run.results[input.itemIndex] as INodeExecutionData;
		if (result && !isFailedItem(result)) {
			account.json.primaryContactId = result.json.id;
			continue;
		}
		const reason = result ? String(result.json.message ?? '') : 'was not written';
		const message = `Accounts record ${String(account.json.id)} was written, but its primary contact failed: ${reason}`;
		const accountInput: WriteInput = { ...input, module: 'Accounts', recordId: String(account.json.id) };
		run.fail(accountInput, new RecordProblem(message, 'CONTACT'), String(account.json.id));
	}
}
