import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { XeroCredentialType } from '../../../shared/xero/transport/types';
import type { XeroCaller } from './readRecords';

/** The part of the shared transport's contract (docs/ARCHITECTURE.md) this node uses. */
export interface XeroConnectionInfo {
	tenantId: string;
	tenantName?: string;
	tenantType?: string;
}

interface TransportModule {
	createXeroTransport(
		ctx: IExecuteFunctions | ILoadOptionsFunctions,
		options: { credentialType: XeroCredentialType; tenantId?: string },
	): XeroCaller;
	listConnections(
		ctx: IExecuteFunctions | ILoadOptionsFunctions,
		options: { credentialType: XeroCredentialType },
	): Promise<XeroConnectionInfo[]>;
}

/**
 * TEMPORARY: the shared transport (nodes/shared/xero/transport/index.ts) is being written in parallel. Loading it
 * lazily keeps the package building and the node loadable until it lands; this file goes once it has.
 */
export function transport(): TransportModule {
	return require('../../../shared/xero/transport') as TransportModule;
}
