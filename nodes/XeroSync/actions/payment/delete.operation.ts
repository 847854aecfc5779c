import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { attempt } from '../../../shared/attempt';
import { failedItem } from '../../../shared/syncLog';
import { normaliseXeroRecord } from '../../../shared/xero/normalise';
import { recordPath } from '../../../shared/xero/recordPath';
import { isXeroId, XERO_RESOURCES } from '../../../shared/xero/resources';
import type { XeroTransport } from '../../../shared/xero/transport';
import { openConnection } from '../common/connection';
import { readCrmId } from '../../helpers/crmId';
import { errorFacts } from '../../helpers/errorFacts';
import { batchIdempotencyKey } from '../../helpers/idempotency';
import { runPool } from '../../helpers/pool';

/** The sync-log action and flow of this operation (the router names a setup failure with them too). */
export const action = 'Delete Payment';
export const flow = 'CRM → Xero';

const spec = XERO_RESOURCES.payment;

export const description: INodeProperties[] = [
	{
		displayName: 'Payment ID',
		name: 'paymentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0f4c3a35-5d4e-4b5a-9c1e-2b7d8a9e6f10',
		description:
			'The PaymentID (a GUID) of the payment to delete, as Get or Send output it. Xero keeps it as DELETED and the invoice is due again (a paid invoice goes back to AUTHORISED).',
		displayOptions: { show: { resource: ['payment'], operation: ['delete'] } },
	},
];

/** Xero's answer to a deletion: the payment as it now stands, or why not, as Xero said it. */
type Deleted = { ok: true; record: IDataObject } | { ok: false; message: string; code: string };

function validationText(error: unknown): string {
	const errors = (error as { validationErrors?: unknown }).validationErrors;
	if (Array.isArray(errors) && errors.length > 0) return errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ');
	return errorFacts(error).message;
}

/** A payment already DELETED in Xero is the outcome asked for: a re-run of the same deletion is not a failure. */
async function alreadyDeleted(caller: XeroTransport, id: string): Promise<IDataObject | undefined> {
	const read = await attempt(
		async () =>
			await caller.request({
				method: 'GET',
				path: recordPath(spec.path, spec.idField, id),
			}),
	);
	if (!read.ok) return undefined;
	const record = (read.value.body?.[spec.collection] as IDataObject[] | undefined)?.[0];
	return record?.Status === 'DELETED' ? record : undefined;
}

async function deleteOne(
	caller: XeroTransport,
	id: string,
	keyParts: { executionId: string; nodeId: string },
): Promise<Deleted | { ok: true; record: IDataObject; unchanged: true }> {
	const path = recordPath(spec.path, spec.idField, id);
	// Xero deletes a payment by setting its status (yaml deletePayment, PaymentDelete); nothing else can change.
	const body = { Status: 'DELETED' };
	const sent = await attempt(
		async () =>
			await caller.request({
				method: 'POST',
				path,
				body,
				idempotencyKey: batchIdempotencyKey({
					...keyParts,
					method: 'POST',
					path,
					body,
				}),
			}),
	);
	if (sent.ok) {
		const record = (sent.value.body?.[spec.collection] as IDataObject[] | undefined)?.[0];
		return record
			? { ok: true, record }
			: {
					ok: false,
					message: 'Xero answered without the payment; check it in Xero.',
					code: 'XERO_ERROR',
				};
	}
	const facts = errorFacts(sent.error);
	if (facts.status === 404) {
		return {
			ok: false,
			code: 'NOT_FOUND',
			message: `no payment with PaymentID ${id} in Xero. Check the ID, or the Xero Organisation chosen.`,
		};
	}
	if (facts.status === 400) {
		const deleted = await alreadyDeleted(caller, id);
		if (deleted) return { ok: true, record: deleted, unchanged: true };
		return {
			ok: false,
			code: 'VALIDATION',
			message: `Xero refused to delete it: ${validationText(sent.error)}`,
		};
	}
	throw sent.error;
}

/**
 * Delete, per input item: POST /Payments/{id} {"Status":"DELETED"}. Each item comes out once: the payment as Xero
 * now holds it (syncResult Deleted, or Unchanged when it was already deleted), or its sync-log entry.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const { caller } = openConnection(this);
	const keyParts = {
		executionId: this.getExecutionId() ?? 'manual',
		nodeId: this.getNode().id ?? this.getNode().name,
	};
	const out = new Array<INodeExecutionData>(items.length);
	const fail = (i: number, message: string, code: string, xeroId?: string) =>
		failedItem(
			this.getNode(),
			{
				app: 'Xero',
				action,
				flow,
				crmId: readCrmId(items[i].json),
				xeroId,
				message: `${xeroId ? `Payment ${xeroId}` : 'Payment'}: ${message}`,
				code,
			},
			i,
		);
	// Xero allows 5 calls in flight per organisation; the transport paces them.
	await runPool([...items.keys()], 5, async (i) => {
		const id = String(this.getNodeParameter('paymentId', i, '') ?? '').trim();
		if (!isXeroId(id)) {
			const shown = id === '' ? 'is empty' : `"${id.length > 60 ? `${id.slice(0, 59)}…` : id}" is not a Xero ID`;
			out[i] = fail(
				i,
				`not deleted: the Payment ID ${shown}. Send the PaymentID Xero gave the payment (a GUID such as 0f4c3a35-5d4e-4b5a-9c1e-2b7d8a9e6f10), e.g. from Get or Send.`,
				'BAD_ID',
			);
			return;
		}
		const done = await attempt(async () => await deleteOne(caller, id, keyParts));
		if (!done.ok) {
			const facts = errorFacts(done.error);
			out[i] = fail(i, `not deleted: ${facts.message}`, facts.code, id);
			return;
		}
		const result = done.value;
		if (!result.ok) {
			out[i] = fail(i, result.message, result.code, id);
			return;
		}
		const json: IDataObject = {
			...normaliseXeroRecord(result.record),
			syncResult: 'unchanged' in result ? 'Unchanged' : 'Deleted',
		};
		if ('unchanged' in result) json.syncNote = 'The payment was already deleted in Xero.';
		const crmId = readCrmId(items[i].json);
		if (crmId !== undefined) json.crmId = crmId;
		out[i] = { json, pairedItem: { item: i } };
	});
	return out;
}
