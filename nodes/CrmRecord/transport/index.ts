import type { VtigerCredentials } from './types';

export { VtigerClient, type VtigerRecord } from './VtigerClient';
export { VtigerApiError, TransportCode, isDuplicateRefusal } from './VtigerApiError';
export { encodedParamLength, senderFromHttpRequest, senderFromLegacyRequest } from './senders';
export type * from './types';

export function toVtigerCredentials(stored: object | undefined): VtigerCredentials {
	const data = stored as Record<string, unknown> | undefined;
	return {
		instanceUrl: String(data?.instanceUrl ?? ''),
		username: String(data?.username ?? ''),
		accessKey: String(data?.accessKey ?? ''),
	};
}
