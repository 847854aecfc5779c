import type { DescribeResult } from '../transport/types';
import type { VtigerApiError } from '../transport/VtigerApiError';
import { fieldLabel } from './recordLabel';

export interface ExplainedError {
	message: string;
	code: string;
	description?: string;
}

export interface ErrorContext {
	module: string;
	/** The record as named to the user: "Acme Ltd", 11x2 or "item 3". */
	label: string;
	/** Replaces "<module> record <label>" where the failure is not about one record, e.g. a query. */
	subject?: string;
	describe?: DescribeResult;
	id?: string;
}

/** vtiger's messages are terse and sometimes misleading ("Permission … denied" for a deleted record). */
export function explainVtigerError(error: VtigerApiError, context: ErrorContext): ExplainedError {
	const { module, label, describe } = context;
	const code = error.code;
	const raw = `vtiger ${code}: ${error.message}`;
	const what = context.subject ?? `${module} record ${label}`;

	if (code === 'MANDATORY_FIELDS_MISSING') {
		const field = /^(\S+) does not have a value/.exec(error.message)?.[1];
		if (field) {
			return {
				code,
				message: `${what} is missing the mandatory field ${fieldLabel(describe, field)}`,
				description: `Map a value to ${field}. (${raw})`,
			};
		}
		return {
			code,
			message: `${what} needs at least one line item with a product or service`,
			description: `Invoice, Quotes and SalesOrder records are created with LineItems. (${raw})`,
		};
	}
	if (code === '0' && /duplicate/i.test(error.message)) {
		return {
			code: 'DUPLICATE',
			message: `${what} duplicates an existing ${module} record (the CRM's duplicate prevention, e.g. on the name)`,
			description: `Use Upsert and match on the name (or the Xero ID field) so the existing record is updated, or change the name. (${raw})`,
		};
	}
	if (code === 'REFERENCE_INVALID') {
		const field = /for (\S+)$/.exec(error.message)?.[1];
		return {
			code,
			message: `${what}: ${field ? fieldLabel(describe, field) : 'a reference field'} points to a record of the wrong module`,
			description: raw,
		};
	}
	if (code === 'INVALID_ID_ATTRIBUTE') {
		return {
			code,
			message: `${what}: the id ${context.id ?? ''} does not belong to the ${module} module`.replace('  ', ' '),
			description: raw,
		};
	}
	if (code === 'ACCESS_DENIED' && context.id !== undefined && /denied( for id)?$/.test(error.message)) {
		return {
			code,
			message: `${what}: no ${module} record with id ${context.id} (it does not exist, was deleted, or the user may not see it)`,
			description: raw,
		};
	}
	const deniedModule = code === 'ACCESS_DENIED' ? /denied for name : (.+)$/.exec(error.message)?.[1] : undefined;
	if (deniedModule !== undefined) {
		return {
			code: 'NO_SUCH_MODULE',
			message: `${what}: The CRM has no module "${deniedModule}" (or the user may not use it). A stock vtiger has neither XeroLogs nor XeroAccounts: create them with scripts/vtiger/create-xero-modules.php or vtiger's Module Builder (see the README, "Example workflows and the failure log"), or choose another module.`,
			description: raw,
		};
	}
	return { code, message: `${what}: ${error.message}`, description: raw };
}
