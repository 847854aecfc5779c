import type { IDataObject } from 'n8n-workflow';

import type { MappingOptionsInput, XeroResource } from '../../../../shared/mapping';
import type { MatchAlternative } from '../../../helpers/upsertMatch';

export type WriteOperation = 'create' | 'update' | 'upsert';

/** One input item, read and (for Xero input) mapped, before it meets the module's describe. */
export interface WriteInput {
	itemIndex: number;
	module: string;
	values: Record<string, unknown>;
	lineItems?: Array<Record<string, unknown>>;
	recordId?: string;
	xeroId?: string | null;
	/** Upsert keys, strongest first; empty means "always create". */
	alternatives: MatchAlternative[];
	/** Xero input: the record it was mapped from, for the Conflict Policy (conflicts.ts). */
	xero?: XeroSource;
}

/** The Xero record behind a write, and how the CRM side maps back to Xero's shape (link fields, account module). */
export interface XeroSource {
	record: IDataObject;
	resource: XeroResource;
	mapping: MappingOptionsInput;
}

/** An item read as a WriteInput (Xero input: with the organisation's person), or with why it could not be read. */
export type InputRead =
	| { input: WriteInput; contact?: Record<string, unknown> }
	| { input: WriteInput; error: unknown }
	// No counterpart in the chosen module (a Xero bill among invoices): nothing written, and no failure.
	| { input: WriteInput; skipped: string };
