import { syncLogEntry } from '../../nodes/shared/syncLog';

describe('a sync-log entry reads from its message (issue 13)', () => {
	it('puts the message first, then what the log files it by', () => {
		const entry = syncLogEntry({ app: 'Xero', action: 'Send Organisation', flow: 'CRM → Xero', crmId: '11x22', message: 'Organisation "Acme Ltd": Xero rejected it' });
		expect(Object.keys(entry)).toEqual(['message', 'result', 'app', 'action', 'flow', 'crmId', 'xeroId', 'code', 'time']);
	});
});
