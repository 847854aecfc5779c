import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { credentialTypeOf } from '../../../shared/xero/authentication.description';
import { createXeroTransport, type XeroTransport } from '../../../shared/xero/transport';
import type { XeroCredentialType } from '../../../shared/xero/transport/types';

/** What one execution talks to Xero through: the caller, and the organisation it is bound to. */
export interface OpenedXeroConnection {
	caller: XeroTransport;
	credentialType: XeroCredentialType;
	/** Undefined for a Custom Connection, which is bound to one organisation. */
	tenantId?: string;
}

export function openConnection(ctx: IExecuteFunctions): OpenedXeroConnection {
	const credentialType = credentialTypeOf(ctx.getNodeParameter('authentication', 0, 'oAuth2') as string);
	let tenantId: string | undefined;
	if (credentialType === 'xeroSyncOAuth2Api') {
		tenantId = String(ctx.getNodeParameter('tenant', 0, '', { extractValue: true }) ?? '').trim();
		if (tenantId === '') {
			throw new NodeOperationError(ctx.getNode(), 'Choose the Xero Organisation to work in', {
				description: 'OAuth2 credentials can reach several organisations; pick one in "Xero Organisation".',
			});
		}
	}
	return { caller: createXeroTransport(ctx, { credentialType, tenantId }), credentialType, tenantId };
}
