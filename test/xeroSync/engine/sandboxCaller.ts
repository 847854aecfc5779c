import type { IDataObject } from 'n8n-workflow';
import type { XeroRequest, XeroResponse } from '../../../nodes/shared/xero/transport/types';
import type { XeroCaller } from '../../../nodes/XeroSync/actions/common/readRecords';
import type { XeroSandbox } from '../../../sandbox/xero';

/**
 * Test-only stand-in for the shared transport while it is being written: plain fetch with a Custom Connection token,
 * retries on 429/5xx/network errors honouring Retry-After (scaled), and the Idempotency-Key header. It lets the
 * engine tests run the node's batching, matching and paging against the real sandbox; the workflow tests use the
 * real transport.
 */
export class SandboxCaller implements XeroCaller {
	calls = 0;
	private token?: string;

	constructor(
		private readonly xero: XeroSandbox,
		private readonly clockScale: number,
	) {}

	async request<T = IDataObject>(request: XeroRequest): Promise<XeroResponse<T>> {
		this.token ??= (await this.xero.clientCredentialsToken()).access_token;
		const url = new URL(`/api.xro/2.0${request.path}`, this.xero.url);
		for (const [key, value] of Object.entries(request.qs ?? {})) url.searchParams.set(key, String(value));
		for (let attempt = 0; ; attempt++) {
			let response: Response;
			try {
				response = await fetch(url, {
					method: request.method,
					headers: {
						authorization: `Bearer ${this.token}`,
						accept: 'application/json',
						...(request.body ? { 'content-type': 'application/json' } : {}),
						...(request.idempotencyKey ? { 'Idempotency-Key': request.idempotencyKey } : {}),
						...(request.headers ?? {}),
					},
					body: request.body ? JSON.stringify(request.body) : undefined,
				});
			} catch (error) {
				if (attempt < 6) continue;
				throw error;
			}
			const text = await response.text();
			const body = (text.startsWith('{') ? JSON.parse(text) : { text }) as IDataObject;
			if (response.status === 429 && response.headers.get('x-rate-limit-problem') === 'day') {
				throw Object.assign(new Error('Daily limit reached'), { status: 429, dailyLimit: true });
			}
			if ((response.status === 429 || response.status >= 500) && attempt < 6) {
				const retryAfter = Number(response.headers.get('retry-after') ?? 1);
				await new Promise((resolve) => setTimeout(resolve, (retryAfter * 1000) / this.clockScale + 5));
				continue;
			}
			if (response.status >= 400) {
				const elements = (body.Elements as IDataObject[] | undefined) ?? [];
				const validationErrors = elements.flatMap((e) => ((e.ValidationErrors as IDataObject[]) ?? []).map((v) => String(v.Message)));
				throw Object.assign(new Error(String(body.Message ?? body.Detail ?? body.text ?? `HTTP ${response.status}`)), {
					status: response.status,
					validationErrors,
				});
			}
			this.calls++;
			const headers: Record<string, string> = {};
			response.headers.forEach((value, key) => (headers[key] = value));
			return { status: response.status, headers, body: body as T };
		}
	}
}
