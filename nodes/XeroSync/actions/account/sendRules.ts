import type { IDataObject } from 'n8n-workflow';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { accountFromFields } from '../../helpers/fieldPayloads';
import { present } from '../../helpers/mandatory';
import type { SendRules } from '../../send/rules';
import { writeOneByOne } from '../../send/write';

/** Send account (chart of accounts): what differs from the other resources; the engine in send/ does the rest. */
export const accountSendRules: SendRules = {
	spec: XERO_RESOURCES.account,
	writable: [
		'AccountID',
		'Code',
		'Name',
		'Type',
		'BankAccountNumber',
		'Status',
		'Description',
		'BankAccountType',
		'CurrencyCode',
		'TaxType',
		'EnablePaymentsToAccount',
		'ShowInExpenseClaims',
		'AddToWatchlist',
		'ReportingCode',
	],
	mandatory: (record, isUpdate) => {
		if (isUpdate) return [];
		const problems: string[] = [];
		if (!present(record.Name)) problems.push('the account name (Name) is empty');
		if (!present(record.Type)) problems.push('the account type (Type) is empty');
		if (String(record.Type ?? '') !== 'BANK' && !present(record.Code)) {
			problems.push('the account code (Code) is empty; only BANK accounts may omit it');
		}
		return problems;
	},
	fromFields: (ctx, i) =>
		accountFromFields(ctx.getNodeParameter('name', i, '') as string, ctx.getNodeParameter('accountType', i, '') as string, {
			...(ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
			code: ctx.getNodeParameter('accountCode', i, '') as string,
		}),
	// The mapping options may name the CRM module that holds accounts (accountModule); it is accepted too.
	crmModules: ['XeroAccounts'],
	crmModuleFromOptions: (options) => options.accountModule,
	checks: [],
	settingsChecks: [],
	// Accounts have no batch endpoint: written one by one; matching is still one lookup per batch.
	writer: writeOneByOne,
};
