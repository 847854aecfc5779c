import type { IDataObject } from 'n8n-workflow';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { contactFromFields } from '../../helpers/fieldPayloads';
import { displayValue } from '../../helpers/display';
import { present } from '../../helpers/mandatory';
import type { SendRules } from '../../send/rules';
import { writeInBatches } from '../../send/write';

/** Send organisation (Xero contacts): what differs from the other resources; the engine in send/ does the rest. */
export const organisationSendRules: SendRules = {
	spec: XERO_RESOURCES.organisation,
	writable: [
		'ContactID',
		'ContactNumber',
		'AccountNumber',
		'ContactStatus',
		'Name',
		'FirstName',
		'LastName',
		'CompanyNumber',
		'EmailAddress',
		'ContactPersons',
		'BankAccountDetails',
		'TaxNumber',
		'AccountsReceivableTaxType',
		'AccountsPayableTaxType',
		'Addresses',
		'Phones',
		'SalesDefaultLineAmountType',
		'PurchasesDefaultLineAmountType',
		'DefaultCurrency',
		'XeroNetworkKey',
		'SalesDefaultAccountCode',
		'PurchasesDefaultAccountCode',
		'SalesTrackingCategories',
		'PurchasesTrackingCategories',
		'TrackingCategoryName',
		'TrackingCategoryOption',
		'PaymentTerms',
		'ContactGroups',
		'Website',
		'BrandingTheme',
		'BatchPayments',
		'Discount',
	],
	mandatory: (record, isUpdate) => {
		if (!isUpdate && !present(record.Name)) return ['the organisation name (Name) is empty'];
		if (present(record.Name) && typeof record.Name === 'object') {
			return [`the organisation name (Name) must be text, not ${displayValue(record.Name)}`];
		}
		return [];
	},
	fromFields: (ctx, i) =>
		contactFromFields(ctx.getNodeParameter('name', i, '') as string, ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
	crmModules: ['Accounts', 'Contacts', 'Vendors'],
	checks: [],
	settingsChecks: [],
	writer: writeInBatches,
	idsParameter: true,
};
