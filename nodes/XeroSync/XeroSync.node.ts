import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties } from './actions/node.description';
import { router } from './actions/router';
import { credentialTest, listSearch } from './methods';

export class XeroSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xero Sync',
		name: 'xeroSync',
		icon: { light: 'file:xero.svg', dark: 'file:xero.dark.svg' },
		group: ['transform'],
		version: 1,
		// In words, as the action list says it: "Get invoices from Xero", "Send organisations to Xero".
		subtitle:
			'={{ ({ send: "Send ", delete: "Delete ", allocate: "Allocate ", getPdf: "Get PDFs of ", getOnlineUrl: "Get online URLs of " }[$parameter["operation"]] || "Get ") + ({ organisation: "organisations", invoice: "invoices", item: "items", account: "accounts", payment: "payments", quote: "quotes", purchaseOrder: "purchase orders", creditNote: "credit notes" }[$parameter["resource"]] || $parameter["resource"]) + ({ send: " to Xero", delete: " in Xero", allocate: " in Xero" }[$parameter["operation"]] || " from Xero") }}',
		description:
			'Get and send Xero organisations, invoices, items, accounts, payments, quotes, purchase orders and credit notes in batches, with failed records on the error output as sync-log entries',
		defaults: { name: 'Xero Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// Written out here (not from xeroCredentials()) because n8n's verification reads `testedBy` from the node file;
		// this node owns the Custom Connection's Test button (methods.credentialTest). test/package.test.ts keeps it equal
		// to the shared list.
		credentials: [
			{ name: 'xeroSyncOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{
				name: 'xeroCustomConnectionApi',
				required: true,
				testedBy: 'xeroCustomConnectionApiTest',
				displayOptions: { show: { authentication: ['customConnection'] } },
			},
		],
		properties: nodeProperties,
	};

	methods = { listSearch, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return router.call(this);
	}
}
