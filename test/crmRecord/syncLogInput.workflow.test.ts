import { crmForBlock, failureOf, moduleParam, runCrm } from './workflow';

/** Input "Sync-Log Entry": an error output's items become log records with no mapping typed by hand (issue 13). */
const crm = crmForBlock();

const entry = {
	app: 'Xero',
	result: 'Failed',
	action: 'Send Organisation',
	flow: 'CRM → Xero',
	crmId: '11x22',
	xeroId: null,
	message: 'Organisation "Bad Email Trading" (CRM 11x22): Xero rejected it: Email address must be valid ("accounts at bad-email").',
	code: 'VALIDATION',
	time: '2026-12-04T17:00:00.000Z',
};

test('a failed item from an error output becomes a Xero Logs record; other items are refused with the fix', async () => {
	const before = crm.records('XeroLogs').length;
	const { main, errors } = await runCrm(crm, { operation: 'create', module: moduleParam('XeroLogs'), inputMode: 'syncLog' }, [
		{ accountname: 'Bad Email Trading', error: entry, message: entry.message },
		{ accountname: 'Not a failure' },
	]);
	expect(main).toHaveLength(1);
	expect(crm.records('XeroLogs')).toHaveLength(before + 1);
	expect(crm.records('XeroLogs').at(-1)).toMatchObject({
		app_name: 'Xero',
		result: 'Failed',
		action: 'Send Organisation',
		flow: 'CRM → Xero',
		crm_id: '11x22',
		xero_id: '',
		error_message: entry.message,
	});
	expect(failureOf(errors[0]).message).toMatch(/Item 2 is not a sync-log entry.*connect this node to the error output/);
});

test('it is for Create only', async () => {
	const { errors } = await runCrm(crm, { operation: 'upsert', module: moduleParam('XeroLogs'), inputMode: 'syncLog' }, [
		{ error: entry, message: entry.message },
	]);
	expect(failureOf(errors[0]).message).toMatch(/use it with Create/);
});
