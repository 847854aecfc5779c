import { decodeFromHtml, decodeSpecialChars } from '../../nodes/CrmRecord/transport/htmlText';
import { storedForms } from '../../nodes/CrmRecord/helpers/storedForms';
import { crmForBlock, failureOf, moduleParam, runCrm } from './workflow';

// vtiger 7.5 hands some text back HTML-encoded (transcript 36). These tests run the node against the emulator,
// which stores and returns text as the real vtiger did.

const crm = crmForBlock();

const autoMap = { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] };
const create = { operation: 'create', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMap };
const get = { operation: 'get', module: moduleParam('Accounts'), recordId: '={{ $json.id }}', getOptions: { xeroReferences: false } };

test('text vtiger stored encoded comes out of the node as it went in; the label is decoded', async () => {
	const description = 'WS desc <b>bold</b> & <script>x</script> "quoted" 5 > 3';
	const { main } = await runCrm(crm, create, [{ accountname: 'Encoded & <Co> O\'Hara', description, bill_city: 'Town & <b>Country</b>' }]);
	const id = main[0].json.id as string;
	// What vtiger holds (36): the value with script…/script encoded, the label htmlspecialchars'd.
	const stored = crm.records('Accounts').find((r) => r.id === id);
	expect(stored).toMatchObject({ description: 'WS desc &lt;b&gt;bold&lt;/b&gt; & &lt;script&gt;x&lt;/script&gt; &quot;quoted&quot; 5 &gt; 3' });
	expect(stored?.label).toBe('Encoded &amp; &lt;Co&gt; O&#039;Hara');
	expect(main[0].json).toMatchObject({ description, label: "Encoded & <Co> O'Hara" });
	const read = await runCrm(crm, get, [{ id }]);
	expect(read.main[0].json).toMatchObject({ description, bill_city: 'Town & <b>Country</b>', accountname: "Encoded & <Co> O'Hara", label: "Encoded & <Co> O'Hara" });
	const many = await runCrm(crm, {
		operation: 'getMany',
		module: moduleParam('Accounts'),
		queryMode: 'vtql',
		vtql: `SELECT accountname, description FROM Accounts WHERE id = '${id}';`,
		returnAll: true,
		getManyOptions: { xeroReferences: false },
	});
	expect(many.main.map((item) => item.json.description)).toEqual([description]);
});

test("a user's literal &amp; and &lt; survive: vtiger did not encode them", async () => {
	const description = 'Tom &amp; Jerry &lt;3 "as typed"';
	const { main } = await runCrm(crm, create, [{ accountname: 'Literal &amp; Ltd', description }]);
	const read = await runCrm(crm, get, [{ id: main[0].json.id }]);
	expect(read.main[0].json).toMatchObject({ accountname: 'Literal &amp; Ltd', description, label: 'Literal &amp; Ltd' });
});

test('upsert by name finds a record whose name lost a tag to the web UI, and updates it instead of duplicating', async () => {
	const ui = crm.webUiCreate('Accounts', { accountname: "Jones & Co <Ltd> O'Hara", assigned_user_id: '19x1' });
	expect(ui.accountname).toBe("Jones & Co  O'Hara");
	const before = crm.records('Accounts').length;
	const upsert = { operation: 'upsert', module: moduleParam('Accounts'), inputMode: 'fields', fields: autoMap, matchOn: ['accountname'] };
	const { main, errors } = await runCrm(crm, upsert, [{ accountname: "Jones & Co <Ltd> O'Hara", phone: '555 0136' }]);
	expect(errors.map((e) => failureOf(e).message)).toEqual([]);
	expect(main[0].json.id).toBe(ui.id);
	expect(crm.records('Accounts')).toHaveLength(before);
	expect(crm.records('Accounts').find((r) => r.id === ui.id)).toMatchObject({ phone: '555 0136' });
});

test('decoding undoes exactly what vtiger encodes', () => {
	expect(decodeFromHtml('a &lt;b&gt; &quot;c&quot;')).toBe('a &lt;b&gt; &quot;c&quot;');
	expect(decodeFromHtml('&lt;script&gt;x&lt;/script&gt; &amp; &quot;')).toBe('<script>x</script> &amp; "');
	expect(decodeSpecialChars('Jones &amp; Co &lt;Ltd&gt; O&#039;Hara &amp;amp;')).toBe("Jones & Co <Ltd> O'Hara &amp;");
	expect(storedForms("Jones & Co <Ltd> O'Hara")).toEqual(["Jones & Co  O'Hara"]);
	expect(storedForms('<script>x</script>Name')).toEqual(['Name', '&lt;script&gt;x&lt;/script&gt;Name']);
	expect(storedForms('Plain & simple')).toEqual([]);
});
