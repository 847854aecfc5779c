import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { attempt } from '../../../../../shared/attempt';
import { collationKey, sameText } from '../../../../../shared/collation';
import { text, xeroToCrm, type CrmRecord } from '../../../../../shared/mapping';
import { linkFieldOf, mappingOptions } from '../../../../../shared/mapping/options';
import { RecordProblem } from '../../../../helpers/recordProblem';
import { isDuplicateRefusal, type VtigerClient } from '../../../../transport';
import { crmFetcher } from '../../../crmFetcher';
import { PreviewWriteBlocked } from '../preview';

interface XeroContactRef {
	id: string;
	name: string;
	contact: IDataObject;
}

/**
 * Xero keeps contact names unique, so the name (compared as vtiger's MySQL compares it) is the contact, whether or
 * not the invoice carries its ContactID.
 */
export function organisationKey(invoice: IDataObject): string {
	return collationKey(text(((invoice.Contact ?? {}) as IDataObject).Name).trim());
}

function contactsOf(invoices: IDataObject[]): XeroContactRef[] {
	const seen = new Set<string>();
	const refs: XeroContactRef[] = [];
	for (const invoice of invoices) {
		const contact = (invoice.Contact ?? {}) as IDataObject;
		const id = text(contact.ContactID);
		const name = text(contact.Name).trim();
		const key = organisationKey(invoice);
		if (!name || seen.has(key)) continue;
		seen.add(key);
		refs.push({ id, name, contact });
	}
	return refs;
}

export function createsMissingAccounts(ctx: IExecuteFunctions): boolean {
	const options = ctx.getNodeParameter('writeOptions', 0, {}) as { createMissingAccounts?: unknown };
	return options.createMissingAccounts !== false;
}

/**
 * A Xero invoice's contact the CRM does not have yet (neither by Xero ID nor by name) becomes a CRM organisation
 * first, mapped like "Get organisations from Xero" would map it (from what the invoice carries of the contact), so
 * the invoice can point at it. Existing organisations are never written here. One query per key for the batch.
 * Returns, by organisationKey, why an organisation could not be created: the invoices that need it fail with that.
 */
export async function createMissingAccounts(client: VtigerClient, invoices: IDataObject[]): Promise<Map<string, RecordProblem>> {
	const failures = new Map<string, RecordProblem>();
	const refs = contactsOf(invoices);
	if (refs.length === 0) return failures;
	const options = mappingOptions();
	const link = linkFieldOf(options, 'Accounts');
	const fetcher = crmFetcher(client);
	const byId = link ? await fetcher.findWhereIn('Accounts', link, refs.map((ref) => ref.id).filter(Boolean)) : [];
	const byName = await fetcher.findWhereIn('Accounts', 'accountname', refs.map((ref) => ref.name));
	const has = (rows: CrmRecord[], field: string, value: string) =>
		value !== '' && rows.some((row) => sameText(row[field], value));
	const missing = refs.filter((ref) => !has(byId, link, ref.id) && !has(byName, 'accountname', ref.name));
	if (missing.length === 0) return failures;
	const { userId } = await client.session();
	for (const ref of missing) {
		const mapped = xeroToCrm('organisation', ref.contact, options);
		if (mapped.errors.length > 0) continue; // the invoice's own mapping reports the contact
		const element: CrmRecord = { assigned_user_id: userId };
		for (const [field, value] of Object.entries(mapped.fields)) if (text(value) !== '') element[field] = value;
		const created = await attempt(async () => await client.create('Accounts', element));
		// Another run created it just now (vtiger refuses duplicate names): the mapping finds that one.
		if (created.ok || isDuplicateRefusal(created.error)) continue;
		if (created.error instanceof PreviewWriteBlocked) {
			const message = `Preview (No Writes): the invoice's organisation "${ref.name}" is not in the CRM yet; a real run creates it first ("Create Missing Organisations") and then writes the invoice, which a preview cannot show before the organisation exists.`;
			failures.set(collationKey(ref.name), new RecordProblem(message, 'PREVIEW_NEEDS_WRITE'));
			continue;
		}
		const reason = created.error instanceof Error ? created.error.message : String(created.error);
		const message = `The invoice's organisation "${ref.name}" is not in the CRM and creating it failed, so the invoice was not written. Fix what the CRM said, or create the organisation (Get organisations from Xero), then run again. The CRM said: ${reason}`;
		failures.set(collationKey(ref.name), new RecordProblem(message, 'ACCOUNT_NOT_CREATED'));
	}
	return failures;
}
