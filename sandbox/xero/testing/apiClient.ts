/** A thin fetch wrapper for tests that talk to the sandbox the way an integration would. */

export interface ApiResult<T = Record<string, unknown>> {
	status: number;
	headers: Headers;
	json: T;
	text: string;
}

export interface ApiClientOptions {
	baseUrl: string;
	accessToken: string;
	tenantId?: string;
}

export function apiClient(options: ApiClientOptions) {
	const call = async <T = Record<string, unknown>>(
		method: string,
		path: string,
		body?: unknown,
		headers: Record<string, string> = {},
	): Promise<ApiResult<T>> => {
		const response = await fetch(`${options.baseUrl}/api.xro/2.0${path}`, {
			method,
			headers: {
				accept: 'application/json',
				authorization: `Bearer ${options.accessToken}`,
				...(options.tenantId ? { 'xero-tenant-id': options.tenantId } : {}),
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json = {} as T;
		if ((response.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text) as T;
		return { status: response.status, headers: response.headers, json, text };
	};
	return {
		get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
		put: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
		post: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
		delete: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) => call<T>('DELETE', path, undefined, headers),
	};
}

export type ApiClient = ReturnType<typeof apiClient>;
