import type { IDataObject } from 'n8n-workflow';

import { DEMO_TENANT_ID, type XeroSandbox } from '../../sandbox/xero';
import type { WorkflowJson } from '../harness';
import { runFlow, type Sandboxes } from './support';

/**
 * The two organisations examples run as a scheduled two-way pair (issue 16): shared by the flow tests that check the
 * pair settles and that it follows the Conflict Policy, so both count writes and edit Xero the same way.
 */

export const TO_XERO = 'organisations-crm-to-xero.json';
export const TO_CRM = 'organisations-xero-to-crm.json';

export type Direction = 'toXero' | 'toCrm';

export interface Writes {
	xero: number;
	crm: number;
}

const CRM_WRITE_OPERATIONS = ['create', 'update', 'revise', 'delete'];

/** Writes so far at both sandboxes: Xero's write calls, and vtiger's create/update/revise/delete calls. */
export function writes(sandboxes: Sandboxes): Writes {
	const calls = sandboxes.crm.state().calls as Record<string, number>;
	return {
		xero: sandboxes.xero.stats().totals.writes,
		crm: CRM_WRITE_OPERATIONS.reduce((sum, operation) => sum + (calls[operation] ?? 0), 0),
	};
}

export interface TwoWayPair {
	/**
	 * One schedule round: each flow in `order`, a minute apart on both clocks, each with the cursor its last run
	 * saved. What it wrote at both sandboxes comes back with what the runs logged as failures.
	 */
	round(flows: Record<Direction, WorkflowJson>, order?: Direction[]): Promise<Writes & { logged: IDataObject[] }>;
}

/** A pair whose cursors start empty; make one per test that starts from fresh sandboxes. */
export function twoWayPair(sandboxes: Sandboxes): TwoWayPair {
	const cursors: Record<Direction, IDataObject> = { toXero: {}, toCrm: {} };
	return {
		async round(flows, order = ['toXero', 'toCrm']) {
			const before = writes(sandboxes);
			const logged: IDataObject[] = [];
			for (const which of order) {
				sandboxes.crm.clock.advance(60);
				sandboxes.xero.advanceClock(60_000);
				const run = await runFlow(sandboxes, flows[which], cursors[which]);
				logged.push(...run.logged());
				cursors[which] = run.staticData;
			}
			const after = writes(sandboxes);
			return { xero: after.xero - before.xero, crm: after.crm - before.crm, logged };
		},
	};
}

/** A user's edit of one Xero contact, made through Xero's API as the custom connection. */
export async function editXeroContact(xero: XeroSandbox, contactId: string, changes: IDataObject): Promise<void> {
	const token = await xero.clientCredentialsToken(xero.clients.custom.clientId, xero.clients.custom.clientSecret);
	const response = await fetch(`${xero.url}/api.xro/2.0/Contacts/${contactId}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token.access_token}`, 'xero-tenant-id': DEMO_TENANT_ID, 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({ Contacts: [{ ContactID: contactId, ...changes }] }),
	});
	expect(response.status).toBe(200);
}
