import { newId } from '../ids';
import type { Json } from '../types';

/** Xero's error bodies; the messages are Xero's own wording where we know it (README lists the sources) */

export function validationException(elements: Json[]): Json {
	return {
		ErrorNumber: 10,
		Type: 'ValidationException',
		Message: 'A validation exception occurred',
		Elements: elements,
	};
}

export function postDataInvalid(message: string): Json {
	return { ErrorNumber: 14, Type: 'PostDataInvalidException', Message: message };
}

export function noDataProcessed(): Json {
	return { ErrorNumber: 17, Type: 'NoDataProcessedException', Message: 'No data has been processed for this endpoint. This endpoint is expecting Invoice data to be specifed in the request body.' };
}

export function queryParseException(message: string): Json {
	return { ErrorNumber: 16, Type: 'QueryParseException', Message: message };
}

/** Xero's refusal of a filter too costly for an organisation with very many records (ErrorNumber 51). */
export function highVolumeException(plural: string): Json {
	return {
		ErrorNumber: 51,
		Type: 'HighVolumeException',
		Message: `Your request is not filtering ${plural} efficiently, given the extremely high volume for this organisation. Please check https://developer.xero.com/documentation/api/efficient-data-retrieval for tips on making ${plural.replace(/s$/, '')} retrieval more efficient.`,
	};
}

/** the problem+json shape identity errors on the API side use (401 and 403) */
export function problem(status: number, title: string, detail: string): Json {
	return { Type: null, Title: title, Status: status, Detail: detail, Instance: newId(), Extensions: {} };
}

export function withValidationErrors(element: Json, messages: string[]): Json {
	return {
		...element,
		ValidationErrors: messages.map((Message) => ({ Message })),
	};
}

export const NOT_FOUND_TEXT = "The resource you're looking for cannot be found";
export const OFFLINE_TEXT = 'The Organisation is offline';
