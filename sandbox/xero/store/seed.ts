import { contactsHandler } from '../accounting/contacts';
import type { EntityHandler } from '../accounting/entity';
import { invoicesHandler } from '../accounting/invoices';
import { itemsHandler } from '../accounting/items';
import type { Json } from '../types';
import type { Tenant } from './tenant';
import { Transaction } from './transaction';

export interface SeedSpec {
	/** contacts named "<prefix> Contact 000001" … */
	contacts?: number;
	/** items coded "<PREFIX>-ITEM-000001" … (sales account 200) */
	items?: number;
	/** ACCREC invoices spread over the seeded (or existing) contacts, AUTHORISED, one line on account 200 */
	invoices?: number;
	prefix?: string;
}

export interface SeedResult {
	contacts: number;
	items: number;
	invoices: number;
}

// Each element sees the pending writes of its transaction; committing in chunks keeps that view small.
const CHUNK = 500;

function bulk(tenant: Tenant, now: number, handler: EntityHandler, count: number, element: (index: number) => Json): number {
	let created = 0;
	for (let start = 0; start < count; start += CHUNK) {
		const tx = new Transaction(tenant, now);
		for (let index = start; index < Math.min(count, start + CHUNK); index++) {
			const result = handler.apply({ tx, now }, element(index), 'create');
			if (!result.id) throw new Error(`seed ${handler.resource} #${index + 1} rejected: ${result.errors.join('; ')}`);
			created++;
		}
		tx.commit();
	}
	return created;
}

/**
 * Fills a tenant fast for benchmarks (100,000 records to read) without HTTP or limits; every record still passes
 * the same rules as one sent through the API. Seeding sends no webhooks.
 */
export function seedTenant(tenant: Tenant, now: number, spec: SeedSpec): SeedResult {
	const prefix = spec.prefix ?? 'Seed';
	const pad = (index: number) => String(index + 1).padStart(6, '0');
	const contacts = bulk(tenant, now, contactsHandler, spec.contacts ?? 0, (index) => ({
		Name: `${prefix} Contact ${pad(index)}`,
		ContactNumber: `${prefix.toUpperCase()}-C${pad(index)}`,
		EmailAddress: `contact${pad(index)}@${prefix.toLowerCase()}.example`,
	}));
	const items = bulk(tenant, now, itemsHandler, spec.items ?? 0, (index) => ({
		Code: `${prefix.toUpperCase()}-ITEM-${pad(index)}`,
		Name: `${prefix} item ${pad(index)}`,
		Description: `${prefix} item ${pad(index)}`,
		SalesDetails: { UnitPrice: 10 + (index % 90), AccountCode: '200' },
	}));
	const contactIds = [...tenant.records.contacts.values()].filter((contact) => contact.ContactStatus === 'ACTIVE').map((contact) => String(contact.ContactID));
	if ((spec.invoices ?? 0) > 0 && contactIds.length === 0) throw new Error('seed invoices need at least one active contact');
	const invoices = bulk(tenant, now, invoicesHandler, spec.invoices ?? 0, (index) => ({
		Type: 'ACCREC',
		Contact: { ContactID: contactIds[index % contactIds.length] },
		InvoiceNumber: `${prefix.toUpperCase()}-INV-${pad(index)}`,
		Reference: `${prefix} ${pad(index)}`,
		Date: '2026-10-01',
		DueDate: '2026-10-31',
		Status: 'AUTHORISED',
		LineItems: [{ Description: `${prefix} line ${pad(index)}`, Quantity: 1 + (index % 5), UnitAmount: 25 + (index % 40), AccountCode: '200' }],
	}));
	return { contacts, items, invoices };
}
