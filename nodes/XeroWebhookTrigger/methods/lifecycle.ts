import type { IHookFunctions } from 'n8n-workflow';

/**
 * Xero has no API to register a webhook: an app's one delivery URL and its signing key are set by hand in Xero's
 * developer portal (developer.xero.com, the app's Webhooks page), and Xero turns deliveries on only after the URL
 * answered its "Intent to receive" check, which this node does (a correctly signed 200, anything else 401).
 * So activating or deactivating the workflow cannot change anything in Xero, and these methods do not pretend to:
 * - checkExists answers false, because nothing here can see the portal's setting;
 * - create and delete have nothing to call, and report success so that n8n activates or deactivates the workflow;
 *   the activation message tells the user the portal step.
 * Deliveries Xero sends while the workflow is inactive get n8n's 404, and Xero retries them for a while.
 */
export const webhookLifecycle = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return false;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
