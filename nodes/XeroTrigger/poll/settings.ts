import type { IDataObject, INodeParameterResourceLocator, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { instantIn } from '../../shared/dates';
import { shortQuote } from '../../shared/redact';
import { credentialTypeOf } from '../../shared/xero/authentication.description';
import type { XeroResource, XeroResourceSpec } from '../../shared/xero/resources';
import { XERO_RESOURCES } from '../../shared/xero/resources';
import type { XeroCredentialType } from '../../shared/xero/transport/types';
import type { EventFilter, PollEvent } from '../helpers/events';

export interface PollSettings {
	credentialType: XeroCredentialType;
	/** undefined: every connected organisation (OAuth2), or the Custom Connection's own. */
	tenantId: string | undefined;
	tenantName: string | null;
	allTenants: boolean;
	spec: XeroResourceSpec;
	filter: EventFilter;
	backfillFrom: string | undefined;
}

export function readPollSettings(ctx: IPollFunctions): PollSettings {
	const credentialType = credentialTypeOf(ctx.getNodeParameter('authentication', 'oAuth2') as string);
	const allTenants = credentialType === 'xeroSyncOAuth2Api' && ctx.getNodeParameter('tenantScope', 'one') === 'all';
	let tenantId: string | undefined;
	let tenantName: string | null = null;
	if (credentialType === 'xeroSyncOAuth2Api' && !allTenants) {
		const locator = ctx.getNodeParameter('tenant', {}) as INodeParameterResourceLocator;
		tenantId = typeof locator.value === 'string' ? locator.value.trim() : '';
		tenantName = typeof locator.cachedResultName === 'string' ? locator.cachedResultName : null;
		if (tenantId === '') {
			throw new NodeOperationError(ctx.getNode(), 'No Xero organisation chosen', {
				description: 'Pick one under "Xero Organisation", or choose "All Connected Organisations".',
			});
		}
	}
	const resource = ctx.getNodeParameter('resource', 'invoice') as XeroResource;
	// Only resources whose changes the triggers read (XeroResourceSpec.changes) can be polled.
	const spec = Object.prototype.hasOwnProperty.call(XERO_RESOURCES, resource) ? XERO_RESOURCES[resource] : undefined;
	if (spec?.changes === undefined) throw new NodeOperationError(ctx.getNode(), `Unknown resource "${resource}"`);
	const event = ctx.getNodeParameter('event', 'createdOrUpdated') as PollEvent;
	const becameStatuses =
		spec.changes.watchesStatus && event === 'statusChanged'
			? (ctx.getNodeParameter('becameStatuses', []) as string[])
			: [];
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const backfillFrom = readBackfillDate(ctx, options.backfillFrom);
	return {
		credentialType,
		tenantId,
		tenantName,
		allTenants,
		spec,
		filter: { event, becameStatuses },
		backfillFrom,
	};
}

/** The backfill instant as ISO (UTC); a date without a zone is read in the workflow's timezone, not the server's. */
function readBackfillDate(ctx: IPollFunctions, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = typeof value === 'string' ? value : String(value);
	const instant = instantIn(value, ctx.getTimezone());
	if (instant === undefined) {
		throw new NodeOperationError(ctx.getNode(), `"Backfill From" is not a date: ${shortQuote(text)}`, {
			description: 'Use a date such as 2026-01-31 or 2026-01-31T09:00:00Z, or remove the option.',
		});
	}
	return new Date(instant).toISOString();
}
