import fs = require('node:fs');
import os = require('node:os');
import path = require('node:path');
import { getSpec } from '../../sandbox/xero/validation/openapiSpecs';
import { summarise } from '../support/openapiReport';

describe('OpenAPI validation of the Xero sandbox', () => {
	it('really checks bodies against the yaml (uuid and date-time formats, enums, types)', async () => {
		const { api } = await getSpec('xero_accounting.yaml');
		expect(api.validateResponse({ Contacts: [{ ContactID: '8f0c1a9e-4b1d-4f0a-9a55-2f1f4c1d2e3f', Name: 'ok', ContactStatus: 'ACTIVE' }] }, 'getContacts', 200).valid).toBe(true);
		// ajv stops at the first violation, so each is checked on its own
		for (const [field, value] of [['ContactID', 'not-a-uuid'], ['ContactStatus', 'SLEEPING'], ['IsSupplier', 'yes'], ['UpdatedDateUTC', 1518685950940]] as const) {
			const bad = api.validateResponse({ Contacts: [{ Name: 'x', [field]: value }] }, 'getContacts', 200);
			expect(bad.valid).toBe(false);
			expect(bad.errors?.[0].instancePath).toBe(`/Contacts/0/${field}`);
		}
		const invoice = api.validateResponse({ Invoices: [{ Type: 'ACCREC', Total: '12.50' }] }, 'getInvoices', 200);
		expect(invoice.errors?.[0].instancePath).toBe('/Invoices/0/Total');
		const request = api.validateRequest(
			{ method: 'get', path: '/api.xro/2.0/Invoices', query: {}, headers: { 'xero-tenant-id': 't', 'if-modified-since': 'yesterday' } },
			'getInvoices',
		);
		expect(request.valid).toBe(false);
	});

	it('checks webhook payloads against WebhookEvent from xero-webhooks.yaml', async () => {
		const { api } = await getSpec('xero-webhooks.yaml');
		const event = { resourceUrl: 'https://api.xero.com/api.xro/2.0/Contacts/717f2bfc-c6d4-41fd-b238-3f2f0c0cf777', resourceId: '717f2bfc-c6d4-41fd-b238-3f2f0c0cf777', eventDateUtc: '2026-11-21T10:00:00.123Z', eventType: 'CREATE', eventCategory: 'CONTACT', tenantId: 'c2cc9b6e-9458-4c7d-93cc-f02b81b0594f', tenantType: 'ORGANISATION' };
		const check = (body: unknown) => api.validateRequest({ method: 'post', path: '/webhook', query: {}, headers: { 'content-type': 'application/json' }, body }, 'publishWebhookEvent');
		expect(check({ events: [event], firstEventSequence: 1, lastEventSequence: 1, entropy: 'ABCDEFGHIJKLMNOPQRST' }).valid).toBe(true);
		expect(check({ events: [{ ...event, eventType: 'DELETE' }], firstEventSequence: 1, lastEventSequence: 1, entropy: 'A' }).valid).toBe(false);
		expect(check({ events: [{ ...event, resourceUrl: 'not a url' }], firstEventSequence: 1, lastEventSequence: 1, entropy: 'A' }).valid).toBe(false);
		// Xero's intent-to-receive payload starts its sequences at 0, below the yaml's minimum of 1 (README)
		expect(check({ events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: 'A' }).valid).toBe(false);
	});

	it('parses each yaml once per process however many sandboxes start', async () => {
		const first = await getSpec('xero_accounting.yaml');
		const second = await getSpec('xero_accounting.yaml');
		expect(second).toBe(first);
	});

	it('sums the per-process counter files and reports failures', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xero-openapi-report-'));
		try {
			const specs = (requests: number, requestFailures: number, responses: number, responseFailures: number) => ({
				'xero_accounting.yaml': { requests, requestFailures, responses, responseFailures, responsesWithoutSchema: 1, expectedRequestRejections: 0 },
			});
			fs.writeFileSync(path.join(dir, 'xero-openapi-101.json'), JSON.stringify({ pid: 101, specs: specs(10, 0, 9, 0), failures: [], yamlLoads: { 'xero_accounting.yaml': 1 } }));
			fs.writeFileSync(
				path.join(dir, 'xero-openapi-102.json'),
				JSON.stringify({ pid: 102, specs: specs(5, 0, 5, 1), failures: [{ spec: 'xero_accounting.yaml', kind: 'response', operationId: 'getContacts', status: 200, errors: [{ instancePath: '/Contacts/0/ContactID' }] }], yamlLoads: { 'xero_accounting.yaml': 1 } }),
			);
			fs.writeFileSync(path.join(dir, 'unrelated.json'), '{}');
			const report = summarise(dir);
			expect(report.files).toBe(2);
			expect(report.failed).toBe(1);
			expect(report.lines[0]).toMatch(/^OpenAPI validation: 15 requests and 14 responses validated against xero_accounting\.yaml, 1 failed/);
			expect(report.lines.some((line) => line.includes('FAILED response getContacts 200'))).toBe(true);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
