import { ApplicationError } from 'n8n-workflow';

import { isXeroId } from './resources';

/**
 * An ID that cannot be placed in a record's URL. Thrown where no node context exists; the Get and Send engines turn
 * it, like any failed call, into the record's sync-log entry, whose message says which field and what to send.
 */
export class InvalidXeroIdError extends ApplicationError {
	constructor(message: string) {
		super(message, { level: 'warning' });
		this.name = 'InvalidXeroIdError';
	}
}

/** The Xero ID an input record carries in `field`, or a sentence saying why it cannot be one. */
export function xeroIdProblem(field: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (isXeroId(value)) return undefined;
	const shown = typeof value === 'string' ? `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"` : `a ${typeof value}`;
	return `its ${field} ${shown} is not a Xero ID (a GUID such as 0f4c3a35-5d4e-4b5a-9c1e-2b7d8a9e6f10). Send the ID Xero gave the record, or leave ${field} empty to match the record by its number or name`;
}

/**
 * The path of one record: `/Accounts/<id>`. An ID becomes part of the URL, so anything but a GUID is refused
 * before it is sent (`../Contacts` would otherwise turn an account update into a write to another collection).
 */
export function recordPath(collectionPath: string, field: string, id: unknown): string {
	if (!isXeroId(id)) throw new InvalidXeroIdError(xeroIdProblem(field, id) ?? `${field} is empty`);
	return `${collectionPath}/${encodeURIComponent(String(id).trim())}`;
}
