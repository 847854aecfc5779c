import { parseRequestDate } from '../dates';
import type { AccountingCall, RouteResult } from '../http/types';
import { Transaction } from '../store/transaction';
import type { Json } from '../types';
import type { EntityHandler, WriteMode } from './entity';
import { invalid, ok } from './envelope';
import { noDataProcessed, postDataInvalid, withValidationErrors } from './errorShapes';
import { list, obj } from './values';

const DATE_FIELDS = ['Date', 'DueDate', 'ExpectedPaymentDate', 'PlannedPaymentDate'];

/** the elements of a batch body: {"Contacts":[…]} or, as Xero also accepts, one bare element */
export function elementsOf(body: unknown, key: string): Json[] | undefined {
	const object = obj(body);
	if (!object) return undefined;
	if (key in object) return Array.isArray(object[key]) ? list(object[key]) : undefined;
	return Object.keys(object).length > 0 ? [object] : [];
}

/** Xero rejects a whole request whose dates its JSON reader cannot convert, before any element is looked at */
function unreadableDate(elements: Json[], key: string): string | undefined {
	for (const [index, element] of elements.entries()) {
		for (const field of DATE_FIELDS) {
			const value = element[field];
			if (value !== undefined && value !== null && parseRequestDate(value) === undefined) {
				return `JSON for post data was invalid,Could not convert string to DateTime: ${String(value).slice(0, 100)}. Path '${key}[${index}].${field}'.`;
			}
		}
	}
	return undefined;
}

export function unitdpOf(call: AccountingCall): number {
	return call.query.get('unitdp') === '4' ? 4 : 2;
}

/**
 * PUT (create only) and POST (create or update) batches. summarizeErrors=true, Xero's default, answers 400 with the
 * failed elements and writes nothing; summarizeErrors=false writes the valid elements and answers 200 with every
 * element, the failed ones marked StatusAttributeString "ERROR" with their ValidationErrors.
 */
export function batchWrite(call: AccountingCall, handler: EntityHandler, mode: WriteMode, pathId?: string): RouteResult {
	const elements = elementsOf(call.body, handler.resource);
	if (!elements) return { status: 400, json: postDataInvalid(`JSON for post data was invalid, expected ${handler.resource} array.`) };
	if (elements.length === 0) {
		const body = noDataProcessed();
		return { status: 400, json: { ...body, Message: String(body.Message).replace('Invoice', handler.resource.replace(/s$/, '')) } };
	}
	const badDate = unreadableDate(elements, handler.resource);
	if (badDate) return { status: 400, json: postDataInvalid(badDate) };
	const summarize = pathId !== undefined || (call.query.get('summarizeErrors') ?? 'true').toLowerCase() !== 'false';
	const tx = new Transaction(call.tenant, call.now);
	const results = elements.map((element) => {
		const input = pathId ? { ...element, [handler.idField]: pathId } : element;
		return { input, result: handler.apply({ tx, now: call.now }, input, mode) };
	});
	const failed = results.filter((entry) => entry.result.errors.length > 0);
	if (summarize && failed.length > 0) {
		return invalid(failed.map((entry) => withValidationErrors(entry.input, entry.result.errors)));
	}
	const changes = tx.commit();
	const options = { withLineItems: true, unitdp: unitdpOf(call) };
	const out = results.map(({ input, result }) => {
		if (result.errors.length > 0) {
			return { ...withValidationErrors(input, result.errors), StatusAttributeString: 'ERROR', HasValidationErrors: true };
		}
		const record = call.tenant.records[handler.collection].get(result.id as string) as Json;
		const rendered = handler.render(call.tenant, record, options);
		return summarize ? rendered : { ...rendered, StatusAttributeString: 'OK' };
	});
	return { ...ok(call.providerName, call.now, handler.resource, out), changes };
}
