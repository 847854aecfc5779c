import type { IDataObject } from 'n8n-workflow';
import type { SendRules } from '../send/rules';

export function present(value: unknown): boolean {
	return value !== undefined && value !== null && String(value).trim() !== '';
}

/** The record's missing mandatory fields, by the rules its resource declares; an update is a record with its Xero ID. */
export function missingMandatoryFields(rules: Pick<SendRules, 'spec' | 'mandatory'>, record: IDataObject): string[] {
	return rules.mandatory(record, present(record[rules.spec.idField]));
}
