import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { senderFromHttpRequest, toVtigerCredentials, VtigerClient } from '../transport';

/** The editor's lookups share one session per credential instead of logging in for every dropdown. */
export async function editorClient(ctx: ILoadOptionsFunctions): Promise<VtigerClient> {
	const credentials = toVtigerCredentials(await ctx.getCredentials('simplyCrmApi'));
	return new VtigerClient(senderFromHttpRequest(ctx), credentials, { scope: 'editor' });
}

export function currentModule(ctx: ILoadOptionsFunctions): string {
	const value = ctx.getNodeParameter('module', undefined, { extractValue: true }) as unknown;
	return String(value ?? '').trim();
}
