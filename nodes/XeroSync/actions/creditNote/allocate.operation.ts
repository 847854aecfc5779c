import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { calendarDate } from '../../../shared/dates';
import { failedItem, type SyncFlow } from '../../../shared/syncLog';
import { recordPath } from '../../../shared/xero/recordPath';
import { isXeroId, XERO_RESOURCES, type XeroResourceSpec } from '../../../shared/xero/resources';
import type { XeroTransport } from '../../../shared/xero/transport';
import { readOne } from '../../get/reads';
import { readCrmId } from '../../helpers/crmId';
import { errorFacts } from '../../helpers/errorFacts';
import { openConnection } from '../common/connection';
import { withKeysHeld } from '../../send/keyLocks';
import { planAllocation } from './allocation';

export const action = 'Allocate Credit Note';
export const flow: SyncFlow = 'CRM → Xero';

const show = { show: { resource: ['creditNote'], operation: ['allocate'] } };

export const description: INodeProperties[] = [
	{
		displayName: 'Credit Note',
		name: 'creditNote',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CN-0001',
		description: 'The CreditNoteID or the credit note number (sales credit notes)',
		displayOptions: show,
	},
	{
		displayName: 'Invoice',
		name: 'invoice',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. INV-0001',
		description: 'The InvoiceID or the invoice number of the invoice (or bill) the credit is applied to',
		displayOptions: show,
	},
	{
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description:
			'How much of the credit note this invoice should receive in all. Allocations already made to it count: a re-run allocates only what is missing, and nothing when they cover it.',
		displayOptions: show,
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'dateTime',
		default: '',
		description: "The allocation's date; empty is today in the workflow's timezone",
		displayOptions: show,
	},
];

/** A record by Xero ID, or by number and then by its ID: only the single read carries a credit note's Allocations. */
async function readFull(caller: XeroTransport, spec: XeroResourceSpec, wanted: string): Promise<IDataObject | undefined> {
	if (isXeroId(wanted)) return await readOne(caller, spec, wanted);
	const found = await readOne(caller, spec, wanted);
	const id = found ? String(found[spec.idField] ?? '') : '';
	return id ? await readOne(caller, spec, id) : undefined;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const { caller } = openConnection(this);
	const out: INodeExecutionData[] = [];
	// One item at a time: two items for the same pair must see each other's allocation, or both would write it.
	for (let i = 0; i < items.length; i++) {
		const wantedNote = String(this.getNodeParameter('creditNote', i, '') ?? '').trim();
		const wantedInvoice = String(this.getNodeParameter('invoice', i, '') ?? '').trim();
		const amount = Number(this.getNodeParameter('amount', i, 0));
		let creditNoteId: string | null = null;
		const failed = (message: string, code: string) =>
			failedItem(this.getNode(), { app: 'Xero', action, flow, crmId: readCrmId(items[i].json), xeroId: creditNoteId, message, code }, i);
		if (wantedNote === '' || wantedInvoice === '') {
			out.push(failed(`${action}: item ${i + 1} names no ${wantedNote === '' ? 'credit note' : 'invoice'}. Map the CreditNoteID (or number) and the InvoiceID (or number).`, 'BAD_INPUT'));
			continue;
		}
		if (!Number.isFinite(amount) || amount <= 0) {
			out.push(failed(`${action}: the Amount for credit note ${wantedNote} → invoice ${wantedInvoice} is ${String(amount)}; it must be greater than zero.`, 'BAD_INPUT'));
			continue;
		}
		try {
			// Another execution of this flow (an overlapping schedule) allocating the same credit note waits: it then
			// reads the allocation made here and allocates only what is still missing (send/keyLocks.ts).
			const key = `${caller.organisation ?? ''}|creditNote|allocate|${wantedNote.toLowerCase()}`;
			const result = await withKeysHeld([key], async (): Promise<INodeExecutionData> => {
				const creditNote = await readFull(caller, XERO_RESOURCES.creditNote, wantedNote);
				if (!creditNote) {
					return failed(`No credit note with CreditNoteID or Credit Note Number "${wantedNote}" in Xero. Check the value, or the Xero Organisation chosen.`, 'NOT_FOUND');
				}
				creditNoteId = String(creditNote.CreditNoteID);
				const invoice = await readOne(caller, XERO_RESOURCES.invoice, wantedInvoice);
				if (!invoice) {
					return failed(`No invoice with InvoiceID or Invoice Number "${wantedInvoice}" in Xero, for credit note ${wantedNote}. Check the value.`, 'NOT_FOUND');
				}
				const plan = planAllocation(creditNote, invoice, amount);
				const summary: IDataObject = {
					CreditNoteID: creditNote.CreditNoteID,
					CreditNoteNumber: creditNote.CreditNoteNumber,
					InvoiceID: invoice.InvoiceID,
					InvoiceNumber: invoice.InvoiceNumber,
					AmountAsked: amount,
					AlreadyAllocated: plan.already,
				};
				if (plan.problem) {
					return failed(plan.problem.message, plan.problem.code);
				}
				if (plan.amount === 0) {
					const syncNote = `Not allocated again: ${plan.already} of this credit note is already allocated to the invoice (${amount} asked).`;
					return { json: { ...summary, Amount: 0, syncResult: 'Skipped', syncNote }, pairedItem: { item: i } };
				}
				const date = calendarDate(this.getNodeParameter('date', i, '') || new Date(), this.getTimezone());
				const { body } = await caller.request({
					method: 'PUT',
					path: `${recordPath(XERO_RESOURCES.creditNote.path, 'CreditNoteID', creditNoteId)}/Allocations`,
					body: { Allocations: [{ Invoice: { InvoiceID: invoice.InvoiceID }, Amount: plan.amount, Date: date }] },
				});
				const made = ((body as IDataObject).Allocations as IDataObject[] | undefined)?.[0] ?? {};
				return { json: { ...summary, AllocationID: made.AllocationID, Amount: plan.amount, Date: date, syncResult: 'Created' }, pairedItem: { item: i } };
			});
			out.push(result);
		} catch (error) {
			const facts = errorFacts(error);
			out.push(failed(`${action} ${wantedNote} → invoice ${wantedInvoice} failed: ${facts.message}`, facts.code));
		}
	}
	return out;
}
