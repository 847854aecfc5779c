import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { finishRun } from '../../shared/runSummary';
import { failedItem, throwIfStopping, type SyncFlow } from '../../shared/syncLog';
import { XERO_RESOURCES } from '../../shared/xero/resources';
import type { XeroResource } from '../../shared/xero/resources';
import { errorFacts } from '../helpers/errorFacts';
import { readCrmId } from '../helpers/crmId';
import * as account from './account/Account.resource';
import * as creditNote from './creditNote/CreditNote.resource';
import * as invoice from './invoice/Invoice.resource';
import * as item from './item/Item.resource';
import * as organisation from './organisation/Organisation.resource';
import * as payment from './payment/Payment.resource';
import * as quote from './quote/Quote.resource';
import * as purchaseOrder from './purchaseOrder/PurchaseOrder.resource';

/** One operation of a resource module; `action` and `flow` name it in sync-log entries where the defaults would not. */
interface OperationModule {
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
	action?: string;
	flow?: SyncFlow;
}

const RESOURCES = { organisation, invoice, item, account, payment, quote, purchaseOrder, creditNote };

/** The operation a resource module exports under that name (its other exports, e.g. `description`, are not). */
function operationOf(resource: XeroResource, operation: string): OperationModule | undefined {
	const candidate = (RESOURCES[resource] as Record<string, unknown> | undefined)?.[operation] as OperationModule | undefined;
	return typeof candidate?.execute === 'function' ? candidate : undefined;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const startedAt = new Date();
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as XeroResource;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operationOf(resource, operation);
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	let out: INodeExecutionData[];
	try {
		out = await handler.execute.call(this, items);
	} catch (error) {
		// A setup problem (no tenant chosen, unusable credentials) affects every item; each still gets its log entry.
		const facts = errorFacts(error);
		const spec = XERO_RESOURCES[resource];
		out = items.map((input, index) =>
			failedItem(
				this.getNode(),
				{
					app: 'Xero',
					action: handler.action ?? (operation === 'send' ? `Send ${spec.label}` : `Get ${spec.plural}`),
					flow: handler.flow ?? (operation === 'send' ? 'CRM → Xero' : 'Xero → CRM'),
					crmId: readCrmId(input.json),
					message: facts.message,
					code: facts.code,
				},
				index,
			),
		);
	}
	throwIfStopping(this, out);
	return [finishRun(this, items, out, { resource, operation }, startedAt)];
}
