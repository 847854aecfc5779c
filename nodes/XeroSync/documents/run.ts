import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedItem } from '../../shared/syncLog';
import { XERO_RESOURCES, type XeroResource, type XeroResourceSpec } from '../../shared/xero/resources';
import type { XeroTransport } from '../../shared/xero/transport';
import { openConnection } from '../actions/common/connection';
import { readCrmId } from '../helpers/crmId';
import { errorFacts } from '../helpers/errorFacts';
import { findTarget, type DocumentTarget } from './target';

/** Thrown where Xero answered but gave no document: the item's log entry carries the code. */
export class DocumentProblem extends Error {
	constructor(
		message: string,
		readonly code: string,
	) {
		super(message);
	}
}

export type ProduceDocument = (
	caller: XeroTransport,
	spec: XeroResourceSpec,
	target: DocumentTarget,
	itemIndex: number,
) => Promise<INodeExecutionData>;

/**
 * Per input item: find the record it names, then produce its document. A record that is missing, or whose document
 * Xero refuses, becomes that item's sync-log entry naming the record; the other items still run.
 */
export async function eachDocument(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	resource: XeroResource,
	action: string,
	produce: ProduceDocument,
): Promise<INodeExecutionData[]> {
	const spec = XERO_RESOURCES[resource];
	const { caller } = openConnection(ctx);
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const wanted = String(ctx.getNodeParameter('recordId', i, '') ?? '').trim();
		let target: DocumentTarget | undefined;
		const failed = (message: string, code: string) =>
			failedItem(
				ctx.getNode(),
				{ app: 'Xero', action, flow: 'Xero → CRM', crmId: readCrmId(items[i].json), xeroId: target?.id ?? null, message, code },
				i,
			);
		try {
			target = await findTarget(caller, spec, wanted, items[i].json);
			if (!target) {
				const message =
					wanted === ''
						? `${action}: the ${spec.label} ID or Number is empty for item ${i + 1}. Map the ${spec.idField} of the input.`
						: `No ${spec.label.toLowerCase()} with ${spec.idField} or ${spec.numberLabel} "${wanted}" in Xero. Check the value, or the Xero Organisation chosen.`;
				out.push(failed(message, 'NOT_FOUND'));
				continue;
			}
			out.push(await produce(caller, spec, target, i));
		} catch (error) {
			if (error instanceof DocumentProblem) {
				out.push(failed(error.message, error.code));
				continue;
			}
			const facts = errorFacts(error);
			const named = target ? `${spec.label} ${target.number || target.id}` : `${spec.label} "${wanted}"`;
			out.push(failed(`${action} for ${named} failed: ${facts.message}`, facts.code));
		}
	}
	return out;
}
