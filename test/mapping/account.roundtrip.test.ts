import fc from 'fast-check';
import { crmToXero, xeroToCrm } from '../../nodes/shared/mapping';
import { xeroAccount } from './support/arbitraries';
import { clean, pick } from './support/normalise';
import { storeAsVtiger } from './support/vtigerStore';

/** Xero account → the CRM's Xero accounts module → Xero account keeps every writable field; Class is Xero's own. */

const WRITABLE = ['AccountID', 'Code', 'Name', 'Type', 'TaxType', 'Status', 'Description'];

describe('account round trip: Xero account → CRM XeroAccounts → Xero account', () => {
	it('keeps every mapped field, with default and with custom module and field names', () => {
		const custom = { accountModule: 'LedgerAccounts', accountFields: { name: 'ledger_name', code: 'ledger_code' }, linkFields: { LedgerAccounts: 'cf_ledger_xero_id' } };
		fc.assert(
			fc.property(xeroAccount, fc.boolean(), fc.integer({ min: 2, max: 100000 }), (original, useCustom, sequence) => {
				const options = useCustom ? custom : {};
				const toCrm = xeroToCrm('account', original, options);
				expect(toCrm.module).toBe(useCustom ? 'LedgerAccounts' : 'XeroAccounts');
				expect(toCrm.fields[useCustom ? 'ledger_code' : 'xero_account_code']).toBe(original.Code);
				expect(toCrm.fields.xero_account_class).toBe(original.Class);
				const stored = storeAsVtiger(toCrm.module, toCrm.fields, `42x${sequence}`, sequence);
				const back = crmToXero(toCrm.module, stored, options);
				expect(back.resource).toBe('account');
				expect(back.errors).toEqual([]);
				expect(clean(back.record)).toEqual(clean(pick(original, WRITABLE)));
			}),
			{ numRuns: 200 },
		);
	});
});
