import { withoutSecrets } from '../../nodes/CrmRecord/helpers/secrets';
import type { DescribeResult } from '../../nodes/CrmRecord/transport/types';
import { crmForBlock, type CrmRun, moduleParam, runCrm } from './workflow';

/**
 * vtiger returns the Users record with the password hashes and the webservice access key (transcript 02b), to Get,
 * to a query and to sync alike. None of it may leave the node, raw output included.
 */
let hashes: string[];
const crm = crmForBlock('demo', {
	ready(crm) {
		const admin = crm.engine().adminUser;
		hashes = [admin.user_password, admin.confirm_password];
	},
});

const SECRET_KEYS = ['user_password', 'confirm_password', 'accesskey'];

function expectNoSecrets({ run, main, errors }: CrmRun) {
	expect(errors).toHaveLength(0);
	expect(main.length).toBeGreaterThan(0);
	for (const item of main) {
		for (const key of SECRET_KEYS) expect(item.json).not.toHaveProperty(key);
		expect(item.json.user_name).toBe('admin');
	}
	const everything = JSON.stringify(run.raw);
	expect(everything).not.toContain(crm.accessKey);
	for (const hash of hashes) expect(everything).not.toContain(hash);
}

test('the emulator hands out the secrets like vtiger does, so the checks below can fail', () => {
	expect(crm.engine().adminUser).toMatchObject({ accesskey: crm.accessKey, user_password: expect.stringMatching(/^\$2y\$/) });
});

describe.each([false, true])('raw output %s', (rawOutput) => {
	test('Get Users 19x1', async () => {
		expectNoSecrets(await runCrm(crm, { operation: 'get', module: moduleParam('Users'), recordId: '19x1', getOptions: { rawOutput } }));
	});

	test('Get Many on Users with filters, and raw VTQL naming the secret columns', async () => {
		const getManyOptions = { rawOutput, xeroReferences: false };
		expectNoSecrets(await runCrm(crm, { operation: 'getMany', module: moduleParam('Users'), queryMode: 'filters', returnAll: true, getManyOptions }));
		for (const vtql of ['SELECT * FROM Users;', 'SELECT user_name, accesskey, user_password FROM Users;']) {
			expectNoSecrets(await runCrm(crm, { operation: 'getMany', module: moduleParam('Users'), queryMode: 'vtql', vtql, returnAll: true, getManyOptions }));
		}
	});
});

test('any field describe types as a password is dropped too, whatever its name', () => {
	const describe = { name: 'Vault', fields: [{ name: 'cf_pin', type: { name: 'password' } }, { name: 'label', type: { name: 'string' } }] } as unknown as DescribeResult;
	expect(withoutSecrets({ id: '50x1', cf_pin: '1234', label: 'Door', accesskey: 'k' }, describe)).toEqual({ id: '50x1', label: 'Door' });
});
