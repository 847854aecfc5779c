import type { IDataObject } from 'n8n-workflow';
import { displayValue } from './display';
import type { XeroResource } from '../../shared/xero/resources';
import { XERO_RESOURCES } from '../../shared/xero/resources';

function present(value: unknown): boolean {
	return value !== undefined && value !== null && String(value).trim() !== '';
}

/**
 * The seed's rule: a record missing a mandatory field is not sent and comes back as a failure. An update (the
 * record carries its Xero ID) only needs what Xero needs to find it, so partial updates stay possible.
 * Returns the problems in words a user can act on; empty when the record may be sent.
 */
export function missingMandatoryFields(resource: XeroResource, record: IDataObject): string[] {
	const spec = XERO_RESOURCES[resource];
	const isUpdate = present(record[spec.idField]);
	const problems: string[] = [];
	switch (resource) {
		case 'organisation':
			if (!isUpdate && !present(record.Name)) problems.push('the organisation name (Name) is empty');
			else if (present(record.Name) && typeof record.Name === 'object') {
				problems.push(`the organisation name (Name) must be text, not ${displayValue(record.Name)}`);
			}
			break;
		case 'item':
			if (!present(record.Code)) problems.push('the item code (Code) is empty');
			break;
		case 'invoice': {
			const contact = record.Contact as IDataObject | undefined;
			if (!isUpdate && !(present(contact?.ContactID) || present(contact?.Name))) {
				problems.push('the invoice has no contact (Contact.ContactID or Contact.Name)');
			}
			if (!isUpdate && !present(record.Type)) problems.push('the invoice type (ACCREC or ACCPAY) is empty');
			if (present(record.Type) && !['ACCREC', 'ACCPAY'].includes(String(record.Type))) {
				problems.push(`the invoice type "${displayValue(record.Type)}" is not ACCREC (sales) or ACCPAY (bill)`);
			}
			const lines = Array.isArray(record.LineItems) ? (record.LineItems as IDataObject[]) : [];
			const described = lines.some((line) => present(line?.Description));
			if ((!isUpdate || lines.length > 0) && !described) {
				problems.push('the invoice needs at least one line item with a description');
			}
			break;
		}
		case 'account':
			if (!isUpdate && !present(record.Name)) problems.push('the account name (Name) is empty');
			if (!isUpdate && !present(record.Type)) problems.push('the account type (Type) is empty');
			if (!isUpdate && String(record.Type ?? '') !== 'BANK' && !present(record.Code)) {
				problems.push('the account code (Code) is empty; only BANK accounts may omit it');
			}
			break;
	}
	return problems;
}
