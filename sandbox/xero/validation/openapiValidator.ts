import { getSpec, WEBHOOK_OPERATION, type LoadedSpec, type SpecName } from './openapiSpecs';
import { processCounters, recordFailure, scheduleWrite, writeCountersFile } from './openapiCounters';

export interface RequestToValidate {
	method: string;
	/** the path as the yaml spells it, including /api.xro/2.0 for accounting */
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	body?: unknown;
}

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * The yaml types If-Modified-Since as RFC 3339 date-time, but it is an HTTP header and Xero also takes the RFC 1123
 * form every HTTP client sends (README "where the yaml disagrees"). It is converted, not skipped: any other value is
 * still checked against the yaml.
 */
function normaliseHeaders(headers: RequestToValidate['headers']): RequestToValidate['headers'] {
	const value = headers['if-modified-since'];
	if (typeof value !== 'string' || !HTTP_DATE.test(value)) return headers;
	return { ...headers, 'if-modified-since': new Date(value).toISOString() };
}

export class OpenApiValidator {
	private specs = new Map<SpecName, LoadedSpec>();
	private expectedViolations = 0;

	/**
	 * Of the requests from now on, up to `count` that break the yaml are refused as usual but counted as expected:
	 * for tests that check the refusal itself. Sets (not adds to) the allowance; 0 ends it. Responses are never exempt.
	 */
	expectRequestViolations(count: number): void {
		this.expectedViolations = Math.max(0, Math.floor(count));
	}

	async load(): Promise<void> {
		for (const name of ['xero_accounting.yaml', 'xero-identity.yaml', 'xero-webhooks.yaml'] as const) {
			this.specs.set(name, await getSpec(name));
		}
	}

	spec(name: SpecName): LoadedSpec {
		const spec = this.specs.get(name);
		if (!spec) throw new Error(`OpenAPI spec ${name} is not loaded`);
		return spec;
	}

	/** Returns the validator's error list, or undefined when the request matches the yaml. */
	validateRequest(name: SpecName, operationId: string, request: RequestToValidate): unknown[] | undefined {
		const counters = processCounters().specs[name];
		counters.requests++;
		scheduleWrite();
		const result = this.spec(name).api.validateRequest(
			{
				method: request.method.toLowerCase(),
				path: request.path,
				query: request.query,
				headers: normaliseHeaders(request.headers) as Record<string, string | string[]>,
				body: request.body,
			},
			operationId,
		);
		if (result.valid) return undefined;
		if (this.expectedViolations > 0) {
			this.expectedViolations--;
			counters.expectedRequestRejections++;
			return result.errors ?? [];
		}
		counters.requestFailures++;
		recordFailure({ spec: name, kind: 'request', operationId, errors: result.errors });
		return result.errors ?? [];
	}

	validateResponse(name: SpecName, operationId: string, status: number, body: unknown): unknown[] | undefined {
		const spec = this.spec(name);
		const counters = processCounters().specs[name];
		scheduleWrite();
		if (!spec.documentedStatuses.get(operationId)?.has(String(status))) {
			counters.responsesWithoutSchema++;
			return undefined;
		}
		counters.responses++;
		const result = spec.api.validateResponse(body, operationId, status);
		if (result.valid) return undefined;
		counters.responseFailures++;
		recordFailure({ spec: name, kind: 'response', operationId, status, errors: result.errors });
		return result.errors ?? [];
	}

	/**
	 * An outgoing event batch, checked as the request it is. Xero's eventDateUtc carries no offset although the yaml
	 * says date-time (README); it is checked with the Z it means, every other field as sent.
	 */
	validateWebhookPayload(payload: unknown): unknown[] | undefined {
		const copy = JSON.parse(JSON.stringify(payload)) as { events?: Array<Record<string, unknown>> };
		for (const event of copy.events ?? []) {
			if (typeof event.eventDateUtc === 'string' && /T[\d:.]+$/.test(event.eventDateUtc)) event.eventDateUtc = `${event.eventDateUtc}Z`;
		}
		return this.validateRequest('xero-webhooks.yaml', WEBHOOK_OPERATION, {
			method: 'POST',
			path: '/webhook',
			query: {},
			headers: { 'content-type': 'application/json' },
			body: copy,
		});
	}

	flush(): void {
		writeCountersFile();
	}
}
