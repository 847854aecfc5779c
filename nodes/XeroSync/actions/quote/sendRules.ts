import type { IDataObject } from 'n8n-workflow';
import { QUOTE_STATUSES, XERO_RESOURCES } from '../../../shared/xero/resources';
import { quoteFromFields } from '../../helpers/fieldPayloads';
import { present } from '../../helpers/mandatory';
import type { SendRules } from '../../send/rules';
import { writeInBatches } from '../../send/write';
import { currencyCheck, datesCheck, documentMandatory, documentParameters, documentRequestShape, statusProblem } from '../common/document.rules';

/** Send quote: what differs from the other resources; the engine in send/ does the rest. */
const QUOTE_DATES = ['Date', 'ExpiryDate'];

/**
 * Every status but DELETED can be sent (yaml 16.1.0 QuoteStatusCodes). Deleting is refused here: a sync that
 * deletes the Xero quote because a CRM field says so would lose it for good (Xero keeps no way back from DELETED).
 */
export function quoteStatusProblem(record: IDataObject): string | undefined {
	return statusProblem(
		record,
		QUOTE_STATUSES,
		{
			DELETED:
				'Quote status DELETED cannot be sent: a deleted Xero quote cannot be changed or restored, so delete it in Xero itself. Send DRAFT, SENT, ACCEPTED, DECLINED or INVOICED.',
		},
		(status) => `Quote status "${status}" is not a Xero quote status; use DRAFT, SENT, ACCEPTED, DECLINED or INVOICED.`,
	);
}

/** Quotes: Xero wants Status and LineAmountTypes in capitals (EXCLUSIVE, SENT). */
const quoteRequestShape = documentRequestShape(QUOTE_DATES, ['Status', 'LineAmountTypes']);

/** Xero requires a quote's Contact and Date (developer.xero.com, Quotes; the sandbox README cites it). */
function quoteMandatory(record: IDataObject, isUpdate: boolean): string[] {
	const date = !isUpdate && !present(record.Date) ? ['the quote has no Date (Xero gives quotes no default date)'] : [];
	return documentMandatory(record, isUpdate, 'quote', { problems: date });
}

export const quoteSendRules: SendRules = {
	spec: XERO_RESOURCES.quote,
	writable: [
		'QuoteID',
		'QuoteNumber',
		'Reference',
		'Terms',
		'Contact',
		'LineItems',
		'Date',
		'ExpiryDate',
		'Status',
		'CurrencyCode',
		'CurrencyRate',
		'Title',
		'Summary',
		'BrandingThemeID',
		'LineAmountTypes',
	],
	requestShape: quoteRequestShape,
	mandatory: quoteMandatory,
	fromFields(ctx, i) {
		const { contact, lines, fields } = documentParameters(ctx, i);
		return quoteFromFields(contact, ctx.getNodeParameter('quoteDate', i, ''), lines, fields);
	},
	crmModules: ['Quotes'],
	checks: [{ code: 'QUOTE_STATUS', problem: (payload) => quoteStatusProblem(payload) }, datesCheck(QUOTE_DATES)],
	settingsChecks: [currencyCheck],
	writer: writeInBatches,
};
