import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { CrmRecord, CrmToXeroResult, MappingOptionsInput } from '../../shared/mapping';
import type { XeroResourceSpec } from '../../shared/xero/resources';
import type { OrganisationSettings } from './checks';
import type { RecordWriter } from './write';

/** A check of one record before any call; returns why the record cannot be sent, or undefined. */
export interface RecordCheck {
	/** The sync-log code of a record this check fails. */
	code: string;
	/** `input` is the item as it arrived, so a message can quote what the user sent. */
	problem(payload: IDataObject, input: IDataObject): string | undefined;
}

/** A check that needs the organisation's settings (read once per run, and only when a record needs the check). */
export interface SettingsCheck {
	code: string;
	needed(records: IDataObject[]): boolean;
	problem(payload: IDataObject, settings: OrganisationSettings): Promise<string | undefined>;
}

/**
 * Xero's refusal to edit a record that is settled there (an invoice with a payment allocated): an update refused
 * only for this is no failure; the record is read back and output as Xero holds it.
 */
export interface SettledRefusal {
	refusal: RegExp;
	/** The syncNote on the record read back. */
	note: string;
	/** The failure when the read-back itself fails; `reason` says why. */
	readBackFailed(reason: string): string;
}

/**
 * An input mode a resource adds to the shared ones: each input item is a record of another kind (a Xero purchase
 * order for a bill), turned into this resource's Xero-shaped record; the engine then treats it as Xero JSON input.
 */
export interface ExtraInputMode {
	name: string;
	value: string;
	description: string;
	toRecord(json: IDataObject): IDataObject;
}

/**
 * Everything one resource's Send does differently, declared in actions/<resource>/sendRules.ts; the engine under
 * send/ runs the same steps for every resource with these.
 */
export interface SendRules {
	/** Labels, paths, ID and number fields, and the match keys (`uniqueKeys`, `crmIdFields`). */
	spec: XeroResourceSpec;
	/**
	 * The properties Xero accepts when writing this record. Input items usually carry more (CRM fields, totals from a
	 * previous read, n8n metadata); sending those would trip request validation, so only these are kept.
	 */
	writable: string[];
	/** What the request needs beyond picking the writable fields (nested references, dates, upper-case codes). */
	requestShape?(payload: IDataObject): void;
	/**
	 * The seed's rule: a record missing a mandatory field is not sent and comes back as a failure. An update (the
	 * record carries its Xero ID) only needs what Xero needs to find it, so partial updates stay possible.
	 * Returns the problems in words a user can act on; empty when the record may be sent.
	 */
	mandatory(record: IDataObject, isUpdate: boolean): string[];
	/** "Define Below": the write payload from the node's fields for item `itemIndex`. */
	fromFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject;
	/** CRM modules the resource can be sent from ("CRM Record, Auto-Mapped"); the first is the default. */
	crmModules: string[];
	/**
	 * The CRM → Xero mapping when it is not the shared `crmToXero` of the module (a CRM invoice becomes a credit note
	 * only under the credit-note resource).
	 */
	crmMap?(module: string, record: CrmRecord, options?: MappingOptionsInput): CrmToXeroResult;
	/** A module besides crmModules that the mapping options name for this resource (accounts' own CRM module). */
	crmModuleFromOptions?(options: MappingOptionsInput): string | undefined;
	/** Checks of each record on its own, after the mandatory fields and the Xero ID, in this order. */
	checks: RecordCheck[];
	/** Checks against the organisation's settings, after the record checks. */
	settingsChecks: SettingsCheck[];
	/** How records reach Xero: writeInBatches (one call per batch) or writeOneByOne (no batch endpoint). */
	writer: RecordWriter;
	settledRefusal?: SettledRefusal;
	/** Query parameters for every read of Xero's copy before a write (invoices, items: unitdp=4, unit amounts as stored). */
	readQuery?: IDataObject;
	/** The list endpoint takes `IDs=` (Contacts, Invoices); without it records are read by ID with `guid()` wheres. */
	idsParameter?: boolean;
	/** Input modes besides Define Below, CRM Record and Xero JSON (invoices: a bill from a Xero purchase order). */
	extraInputModes?: ExtraInputMode[];
}
