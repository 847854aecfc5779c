import fs = require('node:fs');
import path = require('node:path');
import v8 = require('node:v8');
// Types only: the libraries are required when a sandbox first validates, so validate: false needs neither.
import type { OpenAPIBackend } from 'openapi-backend';

// The yaml lives next to the repository (../shared) rather than in it; a clone elsewhere sets XERO_OPENAPI_DIR.
const SPEC_DIR_CANDIDATES = [
	process.env.XERO_OPENAPI_DIR,
	path.resolve(__dirname, '../../../../shared/xero-openapi'),
	'/work/shared/xero-openapi',
].filter((dir): dir is string => Boolean(dir));

export function specDir(): string {
	const found = SPEC_DIR_CANDIDATES.find((dir) => fs.existsSync(path.join(dir, 'xero_accounting.yaml')));
	if (!found) throw new Error(`xero_accounting.yaml not found in ${SPEC_DIR_CANDIDATES.join(', ')}; set XERO_OPENAPI_DIR`);
	return found;
}
export type SpecName = 'xero_accounting.yaml' | 'xero-identity.yaml' | 'xero-webhooks.yaml';

/** the operation that checks an outgoing webhook payload against xero-webhooks.yaml's WebhookEvent */
export const WEBHOOK_OPERATION = 'publishWebhookEvent';

export interface LoadedSpec {
	name: SpecName;
	api: OpenAPIBackend;
	/** operationId -> status codes that have a JSON schema in the yaml */
	documentedStatuses: Map<string, Set<string>>;
	/** operationId -> scopes listed in the yaml's security section */
	scopes: Map<string, string[]>;
}

interface Holder {
	specs: Map<SpecName, Promise<LoadedSpec>>;
	yamlLoads: Record<string, number>;
}

// Jest gives every test file its own module registry and global object, so a module-level cache would parse the
// 900 KB yaml once per test file. node:v8 is a real core module shared by every test file of a worker process.
const HOLDER_KEY = Symbol.for('n8n-nodes-xero-crm.xero-sandbox.openapi-specs');
function holder(): Holder {
	const host = v8 as unknown as Record<symbol, Holder | undefined>;
	let found = host[HOLDER_KEY];
	if (!found) {
		found = { specs: new Map(), yamlLoads: {} };
		host[HOLDER_KEY] = found;
	}
	return found;
}

export function yamlLoadCounts(): Record<string, number> {
	return { ...holder().yamlLoads };
}

type Ajv = Parameters<NonNullable<ConstructorParameters<typeof OpenAPIBackend>[0]['customizeAjv']>>[0];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

// openapi-backend ships int32/int64/float/double/byte/binary/password only; without these three ajv would silently
// ignore "format: uuid" on every ID and "format: date-time" on If-Modified-Since (RFC 3339, as ajv-formats defines it).
function addFormats(ajv: Ajv): Ajv {
	ajv.addFormat('uuid', UUID);
	ajv.addFormat('date', FULL_DATE);
	ajv.addFormat('date-time', DATE_TIME);
	ajv.addFormat('uri', (value: string) => URL.canParse(value));
	return ajv;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface ResponseObject {
	$ref?: string;
	content?: Record<string, unknown>;
}

function resolveResponse(document: Record<string, unknown>, response: ResponseObject | undefined): ResponseObject | undefined {
	if (!response?.$ref) return response;
	let target: unknown = document;
	for (const part of response.$ref.replace(/^#\//, '').split('/')) target = (target as Record<string, unknown>)?.[part];
	return target as ResponseObject | undefined;
}

/**
 * xero-webhooks.yaml is OpenAPI 3.1 and describes the payloads under `webhooks`, which the validator does not route;
 * its WebhookEvent schema becomes the request body of one synthetic operation, so the same library checks it.
 */
function asDefinition(name: SpecName, document: Record<string, unknown>): Record<string, unknown> {
	if (name !== 'xero-webhooks.yaml') return document;
	const schemas = (document.components as { schemas: Record<string, unknown> }).schemas;
	return {
		openapi: '3.0.3',
		info: document.info,
		paths: {
			'/webhook': {
				post: {
					operationId: WEBHOOK_OPERATION,
					requestBody: { required: true, content: { 'application/json': { schema: schemas.WebhookEvent } } },
					responses: { '200': { description: 'received' } },
				},
			},
		},
	};
}

async function loadSpec(name: SpecName): Promise<LoadedSpec> {
	const state = holder();
	state.yamlLoads[name] = (state.yamlLoads[name] ?? 0) + 1;
	const { load } = await import('js-yaml');
	const { OpenAPIBackend: Backend } = await import('openapi-backend');
	const document = asDefinition(name, load(fs.readFileSync(path.join(specDir(), name), 'utf8')) as Record<string, unknown>);
	const documentedStatuses = new Map<string, Set<string>>();
	const scopes = new Map<string, string[]>();
	const paths = document.paths as Record<string, Record<string, Record<string, unknown>>>;
	for (const item of Object.values(paths)) {
		for (const method of HTTP_METHODS) {
			const operation = item[method];
			if (!operation) continue;
			const id = operation.operationId as string;
			const responses = (operation.responses ?? {}) as Record<string, ResponseObject>;
			documentedStatuses.set(
				id,
				new Set(
					Object.keys(responses).filter((status) => {
						const response = resolveResponse(document, responses[status]);
						return Boolean(response?.content?.['application/json']);
					}),
				),
			);
			const security = (operation.security ?? []) as Array<Record<string, string[]>>;
			scopes.set(id, security.flatMap((entry) => entry.OAuth2 ?? []));
		}
	}
	// quick: the yaml itself breaks the OpenAPI 3.0 meta-schema in ~160 places ($ref with sibling keys), which a full
	// definition check would report on every start; quick mode also compiles each operation's validator on first use.
	const api = new Backend({
		definition: document as never,
		quick: true,
		strict: false,
		validate: true,
		apiRoot: name === 'xero_accounting.yaml' ? '/api.xro/2.0' : '/',
		customizeAjv: addFormats,
		ajvOpts: { logger: false },
	});
	await api.init();
	return { name, api, documentedStatuses, scopes };
}

export function getSpec(name: SpecName): Promise<LoadedSpec> {
	const state = holder();
	let spec = state.specs.get(name);
	if (!spec) {
		spec = loadSpec(name);
		state.specs.set(name, spec);
	}
	return spec;
}
