import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isFailedItem } from '../../../../shared/syncLog';
import { RecordProblem } from '../../../helpers/recordProblem';
import type { DescribeResult, VtigerClient } from '../../../transport';
import { actionName, lineItemTypes, moduleOf, recordFailure } from '../../context';
import { type Batch, createOne, dropBadReferences, fail, prepareAll } from './batch';
import { readFieldsInput } from './fieldsInput';
import type { WriteInput, WriteOperation } from './types';
import { runUpdates } from './update';
import { runUpserts } from './upsert';
import { readXeroInputs } from './xeroInput';
import { readSyncLogInput } from './syncLogInput';
import { readsXeroInput } from './xeroInputMode';

async function runCreates(batch: Batch, inputs: WriteInput[], describe: DescribeResult, userId: string) {
	const prepared = await dropBadReferences(batch, prepareAll(batch, inputs, describe, userId, () => 'create'), describe);
	for (const write of prepared) await createOne(batch, write, describe);
}

/**
 * A Xero organisation's person becomes the account's primary Contacts record, upserted on its Xero ID or on
 * account and last name. A failure fails the item: rerunning the upsert repeats nothing that already worked.
 */
async function writePrimaryContacts(batch: Batch, contacts: Map<number, { contact: Record<string, unknown>; xeroId?: string | null }>) {
	const inputs: WriteInput[] = [];
	for (const [itemIndex, { contact, xeroId }] of contacts) {
		const account = batch.results[itemIndex];
		if (!account || isFailedItem(account)) continue;
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
	const sub: Batch = { ...batch, operation: 'upsert', raw: true, results: new Array(batch.results.length) };
	try {
		const describe = await batch.client.describe('Contacts');
		await runUpserts(sub, inputs, describe, (await batch.client.session()).userId);
	} catch (error) {
		for (const input of inputs) fail(sub, input, error, `item ${input.itemIndex + 1}`);
	}
	for (const input of inputs) {
		const result = sub.results[input.itemIndex];
		const account = batch.results[input.itemIndex] as INodeExecutionData;
		if (result && !isFailedItem(result)) {
			account.json.primaryContactId = result.json.id;
			continue;
		}
		const reason = result ? String(result.json.message ?? '') : 'was not written';
		const message = `Accounts record ${String(account.json.id)} was written, but its primary contact failed: ${reason}`;
		const accountInput: WriteInput = { ...input, module: 'Accounts', recordId: String(account.json.id) };
		fail(batch, accountInput, new RecordProblem(message, 'CONTACT'), String(account.json.id));
	}
}

function groupByModule(inputs: WriteInput[]): Map<string, WriteInput[]> {
	const groups = new Map<string, WriteInput[]>();
	for (const input of inputs) {
		if (!groups.has(input.module)) groups.set(input.module, []);
		groups.get(input.module)?.push(input);
	}
	return groups;
}

export async function writeItems(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
	operation: WriteOperation,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('writeOptions', 0, {}) as IDataObject;
	const batch: Batch = {
		ctx: this,
		client,
		operation,
		results: new Array(items.length),
		raw: options.rawOutput === true,
		checkReferences: options.checkReferences !== false,
		lineTypes: await lineItemTypes(client),
	};

	const inputs: WriteInput[] = [];
	const contacts = new Map<number, { contact: Record<string, unknown>; xeroId?: string | null }>();
	if (readsXeroInput(this, items)) {
		for (const read of await readXeroInputs(this, items, client, operation)) {
			if ('error' in read) {
				fail(batch, read.input, read.error, `item ${read.input.itemIndex + 1}`);
				continue;
			}
			if ('skipped' in read) {
				// No counterpart in this module (a Xero bill among invoices): nothing written, and no failure.
				const { itemIndex, xeroId } = read.input;
				batch.results[itemIndex] = { json: { syncResult: 'Skipped', reason: read.skipped, xeroId: xeroId ?? null }, pairedItem: { item: itemIndex } };
				continue;
			}
			inputs.push(read.input);
			if (read.contact && read.input.module === 'Accounts' && operation !== 'update') {
				contacts.set(read.input.itemIndex, { contact: read.contact, xeroId: read.input.xeroId });
			}
		}
	} else {
		for (let i = 0; i < items.length; i++) {
			const module = moduleOf(this, i);
			try {
				if (module === '') throw new Error('Choose a module');
				inputs.push(
					this.getNodeParameter('inputMode', i, 'fields') === 'syncLog'
						? readSyncLogInput(items[i], i, module, operation)
						: readFieldsInput(this, items[i], i, module, operation),
				);
			} catch (error) {
				batch.results[i] = recordFailure(this, error, i, {
					action: actionName(operation, module),
					flow: 'Xero → CRM',
					module,
					label: `item ${i + 1}`,
				});
			}
		}
	}

	for (const [module, group] of groupByModule(inputs)) {
		let describe: DescribeResult;
		let userId: string;
		try {
			describe = await client.describe(module);
			userId = (await client.session()).userId;
		} catch (error) {
			for (const input of group) fail(batch, input, error, `item ${input.itemIndex + 1}`);
			continue;
		}
		if (operation === 'create') await runCreates(batch, group, describe, userId);
		else if (operation === 'update') await runUpdates(batch, group, describe, userId);
		else await runUpserts(batch, group, describe, userId);
	}

	if (contacts.size > 0) await writePrimaryContacts(batch, contacts);

	return batch.results.map(
		(result, index) =>
			result ??
			recordFailure(this, new Error('was not processed'), index, {
				action: actionName(operation, ''),
				flow: 'Xero → CRM',
				module: '',
				label: `item ${index + 1}`,
			}),
	);
}
