import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { normaliseXeroRecord } from './normalise';

/**
 * Every item either trigger emits: the Xero record as the Xero Sync node emits it, plus `xeroEvent` saying what
 * happened, where, and how the trigger knows. Record fields stay at the top level so a Xero Sync or CRM Record node
 * can take the item as it is.
 */
export interface XeroEventInfo extends IDataObject {
	source: 'poll' | 'webhook' | 'sample';
	resource: string;
	tenantId: string | null;
}

export function eventItem(record: IDataObject | undefined, info: XeroEventInfo): INodeExecutionData {
	const json: IDataObject = record === undefined ? {} : normaliseXeroRecord(record);
	json.xeroEvent = info;
	return { json };
}
