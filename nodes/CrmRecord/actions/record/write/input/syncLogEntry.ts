import type { INodeExecutionData } from 'n8n-workflow';

import { logEntryOf } from '../../../../../shared/syncLog';
import { RecordProblem } from '../../../../helpers/recordProblem';
import type { WriteInput, WriteOperation } from '../types';

/**
 * Input "Sync-Log Entry": the item is a failed record from any of the package's error outputs, and becomes a record
 * of the CRM's log module (Simply CRM's "Xero Logs") with no mapping typed by hand. Fields the module lacks are left
 * out, like any field the module does not describe.
 */
export function readSyncLogInput(item: INodeExecutionData, itemIndex: number, module: string, operation: WriteOperation): WriteInput {
	if (operation !== 'create') {
		throw new RecordProblem('Input "Sync-Log Entry" writes a new log record per failure: use it with Create.', 'INPUT');
	}
	const entry = logEntryOf(item);
	if (!entry) {
		throw new RecordProblem(
			`Item ${itemIndex + 1} is not a sync-log entry (it has no "error" with result "Failed"): connect this node to the error output of a Xero Sync or CRM Record node.`,
			'INPUT',
		);
	}
	const message = entry.details ? `${entry.message}\n${entry.details}` : entry.message;
	return {
		itemIndex,
		module,
		values: {
			app_name: entry.app,
			result: entry.result,
			action: entry.action,
			flow: entry.flow,
			crm_id: entry.crmId ?? '',
			xero_id: entry.xeroId ?? '',
			error_message: message,
		},
		alternatives: [],
	};
}
