import fc from 'fast-check';
import { crmToXero, xeroToCrm } from '../../nodes/shared/mapping';
import { xeroItem } from './support/arbitraries';
import { clean } from './support/normalise';
import { storeAsVtiger } from './support/vtigerStore';

/** Xero item → CRM Products/Services (stored as vtiger stores) → Xero item keeps every mapped field. */

// Xero reads a missing unit price as 0, and vtiger stores an empty price as "0.00000000".
function comparable(item: Record<string, unknown>): unknown {
	const details = (value: unknown) => {
		const detail = (value ?? {}) as Record<string, unknown>;
		return clean({ UnitPrice: detail.UnitPrice || undefined, AccountCode: detail.AccountCode });
	};
	return clean({
		ItemID: item.ItemID,
		Code: item.Code,
		Name: item.Name,
		Description: item.Description,
		SalesDetails: details(item.SalesDetails),
		PurchaseDetails: details(item.PurchaseDetails),
	});
}

describe('item round trip: Xero item → CRM → Xero item', () => {
	it('keeps every mapped field through Products (code in productcode)', () => {
		fc.assert(
			fc.property(xeroItem, fc.integer({ min: 2, max: 100000 }), (original, sequence) => {
				const toCrm = xeroToCrm('item', original);
				expect(toCrm.module).toBe('Products');
				expect(toCrm.errors).toEqual([]);
				const stored = storeAsVtiger('Products', toCrm.fields, `14x${sequence}`, sequence);
				const back = crmToXero('Products', stored);
				expect(back.errors).toEqual([]);
				expect(comparable(back.record)).toEqual(comparable(original));
			}),
			{ numRuns: 300 },
		);
	});

	it('keeps every mapped field through Services when the code has a writable field', () => {
		const options = { itemCodeFields: { Services: 'cf_xero_item_code' } };
		fc.assert(
			fc.property(xeroItem, fc.integer({ min: 2, max: 100000 }), (original, sequence) => {
				const toCrm = xeroToCrm('item', original, options, 'Services');
				expect(toCrm.fields.servicename).toBe(original.Name);
				const stored = storeAsVtiger('Services', toCrm.fields, `26x${sequence}`, sequence);
				const back = crmToXero('Services', stored, options);
				expect(back.errors).toEqual([]);
				expect(comparable(back.record)).toEqual(comparable(original));
			}),
			{ numRuns: 150 },
		);
	});
});
