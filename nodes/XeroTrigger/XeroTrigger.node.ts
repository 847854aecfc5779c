import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { xeroCredentials } from '../shared/xero/authentication.description';
import { searchTenants } from '../shared/xero/methods/listSearch';
import { pollTriggerProperties } from './description';
import { pollChanges, sampleChange } from './poll/pollChanges';
import { readPollSettings } from './poll/settings';
import { pollTargets } from './poll/tenants';

export class XeroTrigger implements INodeType {
	description: INodeTypeDescription = {
		// Not "Xero Trigger": a search for Xero must tell it from n8n's own Xero nodes. The type name stays.
		displayName: 'Xero Sync Polling Trigger',
		name: 'xeroTrigger',
		icon: { light: 'file:xero.svg', dark: 'file:xero.dark.svg' },
		group: ['trigger'],
		version: 1,
		// In words: "Invoice status changed", "Organisation created or updated".
		subtitle:
			'={{ ({ invoice: "Invoice", item: "Item", organisation: "Organisation" }[$parameter["resource"]] || $parameter["resource"]) + " " + ({ created: "created", createdOrUpdated: "created or updated", updated: "updated", statusChanged: "status changed" }[$parameter["event"]] || $parameter["event"]) }}',
		description: 'Starts the workflow when Xero contacts, invoices or items change (polling)',
		defaults: { name: 'Xero Sync Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: xeroCredentials(),
		properties: pollTriggerProperties,
	};

	// The same "Xero Organisation" list as the Xero Sync node, from GET /connections.
	methods = { listSearch: { searchTenants } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readPollSettings(this);
		const targets = await pollTargets(this, settings);
		// A manual run is not an activation: it shows a sample and leaves the cursor alone.
		if (this.getMode() === 'manual') return await sampleChange(this, settings, targets);
		return await pollChanges(this, settings, targets);
	}
}
