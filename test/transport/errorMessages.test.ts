import { classifyFailure } from '../../nodes/shared/xero/transport/failures';
import { errorFromNetwork, errorFromResponse, flattenValidationErrors } from '../../nodes/shared/xero/transport/errorMessages';

const call = { method: 'PUT', path: '/Invoices', attempts: 1 };

describe('Xero error messages', () => {
	it('flattens the ValidationErrors of a rejected batch, one line per record, labelled', () => {
		const body = {
			ErrorNumber: 10,
			Type: 'ValidationException',
			Message: 'A validation exception occurred',
			Elements: [
				{ InvoiceNumber: 'INV-1', ValidationErrors: [{ Message: 'Invoice # must be unique.' }] },
				{ InvoiceNumber: 'INV-2', ValidationErrors: [] },
				{
					Contact: { Name: 'Acme' },
					ValidationErrors: [{ Message: 'One or more line items must be specified' }, { Message: 'Invoice Type must be specified' }],
				},
			],
		};
		expect(flattenValidationErrors(body)).toEqual([
			'INV-1: Invoice # must be unique.',
			'Acme: One or more line items must be specified Invoice Type must be specified',
		]);
		const error = errorFromResponse({ status: 400, headers: {}, body }, call);
		expect(error.message).toBe(
			'Xero rejected PUT /Invoices: INV-1: Invoice # must be unique.; Acme: One or more line items must be specified Invoice Type must be specified',
		);
		expect(error).toMatchObject({ status: 400, type: 'ValidationException', dailyLimit: false });
		expect(error.elements).toHaveLength(3);
	});

	it('marks the daily limit and says when it resets', () => {
		const error = errorFromResponse(
			{ status: 429, headers: { 'x-rate-limit-problem': 'day', 'retry-after': '7200' }, body: 'Rate limit exceeded' },
			call,
		);
		expect(error).toMatchObject({ dailyLimit: true, status: 429, retryAfterSeconds: 7200, rateLimitProblem: 'day' });
		expect(error.message).toContain("Xero's daily API limit for this organisation is used up");
		expect(error.message).toContain('about 2 hours');
	});

	it('explains 401, 403 and 503 in words a user can act on', () => {
		const scope = errorFromResponse(
			{ status: 401, headers: {}, body: { Title: 'Unauthorized', Status: 401, Detail: 'AuthorizationUnsuccessful' } },
			call,
		);
		expect(scope.type).toBe('AuthorizationUnsuccessful');
		expect(scope.message).toContain('not granted the scope');
		const tenant = errorFromResponse({ status: 403, headers: {}, body: { Detail: 'AuthenticationUnsuccessful' } }, call);
		expect(tenant.message).toContain('Check the Xero Organisation chosen in the node');
		const offline = errorFromResponse({ status: 503, headers: {}, body: 'The Organisation is offline' }, { ...call, attempts: 6 });
		expect(offline.message).toBe(
			'Xero could not answer PUT /Invoices (503: The Organisation is offline) after 6 attempts. Xero may be down or the organisation offline; try again later.',
		);
	});

	it('tells an unreachable host from a dropped connection', () => {
		expect(errorFromNetwork('ECONNREFUSED', 'api.xero.com', call).message).toContain('Could not reach api.xero.com (ECONNREFUSED)');
		expect(errorFromNetwork('ECONNRESET', 'api.xero.com', { ...call, attempts: 6 }).message).toBe(
			'The connection to api.xero.com failed during PUT /Invoices (ECONNRESET) after 6 attempts.',
		);
	});

	it('reads codes from raw and n8n-wrapped errors, never from the request', () => {
		expect(classifyFailure(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toEqual({ kind: 'network', code: 'ECONNRESET' });
		expect(classifyFailure({ httpCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' })).toEqual({ kind: 'network', code: 'ECONNREFUSED' });
		expect(classifyFailure(new Error('socket hang up'))).toEqual({ kind: 'network', code: 'SOCKET_HANG_UP' });
		expect(classifyFailure(Object.assign(new Error('x'), { code: 'EAUTH', body: { error: 'invalid_grant' } }))).toEqual({
			kind: 'token',
			oauthError: 'invalid_grant',
		});
		expect(classifyFailure({ httpCode: 'EAUTH', message: 'Client authentication failed (e.g., unknown client)' })).toEqual({
			kind: 'token',
			oauthError: 'invalid_client',
		});
		expect(classifyFailure(new Error('OAuth credentials not connected'))).toEqual({ kind: 'other', message: 'OAuth credentials not connected' });
	});
});
