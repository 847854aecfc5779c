import type { IDataObject } from 'n8n-workflow';

/**
 * With summarizeErrors=false Xero answers 200 and marks each failed element with StatusAttributeString "ERROR"
 * and ValidationErrors; line items carry their own. Both levels matter to the user, so both are collected.
 */
export function elementValidationMessages(element: IDataObject): string[] {
	const messages: string[] = [];
	const collect = (errors: unknown, prefix: string) => {
		if (!Array.isArray(errors)) return;
		for (const error of errors) {
			const message = (error as IDataObject)?.Message;
			if (typeof message === 'string' && message.trim() !== '') messages.push(`${prefix}${message.trim()}`);
		}
	};
	collect(element.ValidationErrors, '');
	const lines = element.LineItems;
	if (Array.isArray(lines)) {
		lines.forEach((line, index) => collect((line as IDataObject)?.ValidationErrors, `Line ${index + 1}: `));
	}
	return [...new Set(messages)];
}

export function elementFailed(element: IDataObject): boolean {
	return (
		element.StatusAttributeString === 'ERROR' ||
		element.HasErrors === true ||
		element.HasValidationErrors === true ||
		elementValidationMessages(element).length > 0
	);
}
