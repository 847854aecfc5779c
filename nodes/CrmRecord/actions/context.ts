import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { failedItem, type SyncFlow } from '../../shared/syncLog';
import { attempt } from '../../shared/attempt';
import { fieldTypes, normaliseRecord } from '../helpers/normalise';
import { RecordProblem } from '../helpers/recordProblem';
import { withoutSecrets } from '../helpers/secrets';
import { explainVtigerError, type ErrorContext } from '../helpers/recordErrors';
import {
	senderFromHttpRequest,
	toVtigerCredentials,
	VtigerApiError,
	VtigerClient,
	type DescribeResult,
	type VtigerRecord,
} from '../transport';

export const CREDENTIAL_TYPE = 'simplyCrmApi';

/** One client (and so one vtiger session) per execution and credential. */
export async function crmClient(ctx: IExecuteFunctions): Promise<VtigerClient> {
	const credentials = toVtigerCredentials(await ctx.getCredentials(CREDENTIAL_TYPE));
	return new VtigerClient(senderFromHttpRequest(ctx), credentials, { scope: `execution:${ctx.getExecutionId()}` });
}

export function moduleOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = ctx.getNodeParameter('module', itemIndex, '', { extractValue: true });
	return String(value ?? '').trim();
}

/** Line-item types refine the output; a CRM that hides LineItem only loses them, a failed login stops the run. */
export async function lineItemTypes(client: VtigerClient) {
	await client.session();
	const described = await attempt(async () => await client.describe('LineItem'));
	if (described.ok) return fieldTypes(described.value);
	if (described.error instanceof VtigerApiError && described.error.code === 'ACCESS_DENIED') return undefined;
	throw described.error;
}

export interface OutputShape {
	raw: boolean;
	describe?: DescribeResult;
	lineItemTypes?: Map<string, string>;
}

/** Every record the node outputs passes here, raw or not, so credentials a Users record carries never leave it. */
export function outputRecord(record: VtigerRecord, shape: OutputShape): IDataObject {
	const safe = withoutSecrets(record, shape.describe);
	if (shape.raw) return safe as IDataObject;
	return normaliseRecord(safe, fieldTypes(shape.describe), { lineItemTypes: shape.lineItemTypes }) as IDataObject;
}

export interface FailureContext extends ErrorContext {
	action: string;
	flow: SyncFlow;
	xeroId?: string | null;
}

/** A failed item in the sync-log shape; non-vtiger errors (bad input, programming) keep their own message. */
export function recordFailure(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	context: FailureContext,
): INodeExecutionData {
	const explained =
		error instanceof VtigerApiError
			? explainVtigerError(error, context)
			: error instanceof RecordProblem
				? { code: error.code, message: error.message }
				: {
					code: 'INPUT',
					message: `${context.subject ?? `${context.module || 'CRM'} record ${context.label}`}: ${(error as Error)?.message ?? String(error)}`,
				};
	return failedItem(
		ctx.getNode(),
		{
			app: 'CRM',
			action: context.action,
			flow: context.flow,
			crmId: context.id ?? null,
			xeroId: context.xeroId ?? null,
			message: explained.message,
			code: explained.code,
			description: 'description' in explained ? explained.description : undefined,
		},
		itemIndex,
	);
}

export function actionName(operation: string, module: string): string {
	const verbs: Record<string, string> = {
		create: 'Create',
		update: 'Update',
		upsert: 'Upsert',
		get: 'Get',
		getMany: 'Get Many',
		getChanges: 'Get Changes',
		delete: 'Delete',
		attachDocument: 'Attach Document to',
	};
	return `${verbs[operation] ?? operation} ${module || 'Records'}`;
}
