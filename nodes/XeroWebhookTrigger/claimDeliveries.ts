import type { IWebhookFunctions } from 'n8n-workflow';

import type { DeliveryFilterResult } from './helpers/recentDeliveries';
import { dropRedeliveries, mergeRecent } from './helpers/recentDeliveries';

/**
 * n8n saves a webhook's static data only after webhook() returns, and this node answers Xero before it fetches the
 * records, so a redelivery sent as soon as the first one is answered would read static data without the first
 * delivery's keys. The keys are therefore also claimed in this process's memory, synchronously, before anything is
 * awaited; static data carries them across restarts. Separate webhook processes (queue mode) share only the latter.
 */
const claimedInProcess = new Map<string, string[]>();

export function claimDeliveries<T>(
	ctx: IWebhookFunctions,
	items: T[],
	keyOf: (item: T) => string,
): DeliveryFilterResult<T> {
	// Test deliveries (editor, mode "manual") must not hide the same event from the active workflow.
	const scope = `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}:${ctx.getMode()}`;
	const staticData = ctx.getWorkflowStaticData('node');
	const known = mergeRecent(staticData.recentDeliveries, claimedInProcess.get(scope) ?? []);
	const result = dropRedeliveries(known, items, keyOf);
	claimedInProcess.set(scope, result.recent);
	staticData.recentDeliveries = result.recent;
	return result;
}
