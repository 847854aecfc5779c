import type { IDataObject } from 'n8n-workflow';
import { isXeroId, recordId, type XeroResourceSpec } from '../../shared/xero/resources';
import type { XeroTransport } from '../../shared/xero/transport';
import { readOne } from '../get/reads';

/** The record a document is asked for: its Xero ID, and its number for file names and messages. */
export interface DocumentTarget {
	id: string;
	number: string;
}

/**
 * The record an item names by Xero ID or number. An item that came from Get already carries the ID with its
 * number, so it costs no read; otherwise one read finds the record (and tells a missing one: undefined).
 */
export async function findTarget(
	caller: XeroTransport,
	spec: XeroResourceSpec,
	wanted: string,
	input: IDataObject,
): Promise<DocumentTarget | undefined> {
	const value = wanted.trim();
	if (value === '') return undefined;
	const carriedNumber = input[spec.numberField];
	if (isXeroId(value) && String(input[spec.idField] ?? '').toLowerCase() === value.toLowerCase() && typeof carriedNumber === 'string') {
		return { id: value, number: carriedNumber };
	}
	const record = await readOne(caller, spec, value);
	if (!record) return undefined;
	return { id: recordId(spec, record), number: String(record[spec.numberField] ?? '') };
}

/** How messages name the record: "INV-0001 (2f3a…)", or the ID alone when it has no number. */
export function targetLabel(target: DocumentTarget): string {
	return target.number ? `${target.number} (${target.id})` : target.id;
}
