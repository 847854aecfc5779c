import type { IDataObject } from 'n8n-workflow';

import { DEMO_IDS, type VtigerSandbox } from '../../sandbox/vtiger';
import { attachedDocument, storedFileName } from '../../nodes/CrmRecord/helpers/documents';
import { crmForBlock, failureOf, moduleParam, runCrm } from './workflow';

const PDF = Buffer.from('%PDF-1.4\n% a small test file\n%%EOF\n', 'latin1');

/** Start (an item with a PDF in binary field `data`) → CRM Record Attach Document. */
async function attachPdf(crm: VtigerSandbox, parameters: IDataObject, fileName = 'INV-0001.pdf') {
	const items = [{ json: {}, binary: { data: { data: PDF.toString('base64'), mimeType: 'application/pdf', fileName, fileExtension: 'pdf' } } }];
	return await runCrm(crm, { operation: 'attachDocument', module: moduleParam('Invoice'), ...parameters } as never, [], { items });
}

/** The Documents related to a record, as vtiger's retrieve_related lists them (relation rows both ways). */
function relatedDocuments(crm: VtigerSandbox, recordId: string): IDataObject[] {
	const crmid = Number(recordId.split('x')[1]);
	const store = crm.engine().store;
	const ids = new Set(store.relations.flatMap(([a, b]) => (a === crmid ? [b] : b === crmid ? [a] : [])));
	return (crm.records('Documents') as IDataObject[]).filter((document) => ids.has(Number(String(document.id).split('x')[1])));
}

describe('CRM Record: Attach Document', () => {
	const crm = crmForBlock('demo', { each: true });

	it('uploads the PDF as one Documents record related to the invoice, and a second run attaches nothing', async () => {
		const first = await attachPdf(crm, { recordId: DEMO_IDS.invoices.ridgewayUsd, documentTitle: 'Invoice INV-0001 (PDF)' });
		expect(first.errors).toEqual([]);
		expect(first.main[0].json).toMatchObject({
			notes_title: 'Invoice INV-0001 (PDF)',
			filelocationtype: 'I',
			filename: 'INV-0001.pdf',
			filetype: 'application/pdf',
			filestatus: true,
			relatedTo: DEMO_IDS.invoices.ridgewayUsd,
			attachment: 'created',
		});
		const related = relatedDocuments(crm, DEMO_IDS.invoices.ridgewayUsd);
		expect(related).toHaveLength(1);
		// The bytes vtiger keeps are the file's (files_retrieve reads them from the attachment).
		const attachments = [...crm.engine().store.attachments.values()];
		expect(attachments).toHaveLength(1);
		expect(attachments[0].bytes.equals(PDF)).toBe(true);

		const second = await attachPdf(crm, { recordId: DEMO_IDS.invoices.ridgewayUsd, documentTitle: 'Invoice INV-0001 (PDF)' });
		expect(second.main[0].json).toMatchObject({ id: related[0].id, attachment: 'alreadyAttached' });
		expect(relatedDocuments(crm, DEMO_IDS.invoices.ridgewayUsd)).toHaveLength(1);
		expect(crm.records('Documents')).toHaveLength(1);

		// "Attach Again" is the way to keep two copies on purpose; another invoice gets its own document.
		await attachPdf(crm, { recordId: DEMO_IDS.invoices.ridgewayUsd, attachOptions: { ifAttached: 'attachAgain' } });
		expect(relatedDocuments(crm, DEMO_IDS.invoices.ridgewayUsd)).toHaveLength(2);
		await attachPdf(crm, { recordId: DEMO_IDS.invoices.baysideNzd });
		expect(relatedDocuments(crm, DEMO_IDS.invoices.baysideNzd)).toHaveLength(1);
	});

	it('attaches a link as an external document (filelocationtype E), once', async () => {
		const url = 'https://in.xero.com/abc123';
		const parameters = { operation: 'attachDocument', module: moduleParam('Invoice'), recordId: DEMO_IDS.invoices.ridgewayUsd, documentSource: 'link', documentUrl: '={{ $json.url }}' };
		const first = await runCrm(crm, parameters, [{ url }]);
		expect(first.main[0].json).toMatchObject({ notes_title: url, filelocationtype: 'E', filename: url, attachment: 'created' });
		const second = await runCrm(crm, parameters, [{ url }]);
		expect(second.main[0].json.attachment).toBe('alreadyAttached');
		expect(relatedDocuments(crm, DEMO_IDS.invoices.ridgewayUsd)).toHaveLength(1);
		// vtiger stores a URL without a scheme with http:// in front, and the second run still finds it.
		await runCrm(crm, parameters, [{ url: 'www.example.com/x.pdf' }]);
		const again = await runCrm(crm, parameters, [{ url: 'www.example.com/x.pdf' }]);
		expect(again.main[0].json).toMatchObject({ filename: 'http://www.example.com/x.pdf', attachment: 'alreadyAttached' });
	});

	it('fails an item naming the record when it is of another module or its module has no documents; the others run', async () => {
		const parameters = { operation: 'attachDocument', module: moduleParam('Invoice'), recordId: '={{ $json.id }}', documentSource: 'link', documentUrl: 'https://example.com/a' };
		const run = await runCrm(crm, parameters, [{ id: DEMO_IDS.accounts.ridgeway }, { id: DEMO_IDS.invoices.ridgewayUsd }, { id: '' }]);
		expect(run.main).toHaveLength(1);
		expect(run.errors.map((item) => failureOf(item).entry.code)).toEqual(['WRONG_MODULE', 'INPUT']);
		expect(failureOf(run.errors[0]).message).toContain(DEMO_IDS.accounts.ridgeway);
		const missing = await runCrm(crm, { ...parameters, recordId: '7x9999' }, [{}]);
		expect(failureOf(missing.errors[0]).message).toContain('7x9999');
		expect(crm.records('Documents')).toHaveLength(1);
		const logs = await runCrm(crm, { ...parameters, module: moduleParam('XeroLogs'), recordId: '43x1' }, [{}]);
		expect(failureOf(logs.errors[0]).entry.code).toBe('NO_DOCUMENTS');
	});

	it('matches an attached document by location type and the file name vtiger stores', () => {
		expect(storedFileName({ kind: 'file', name: 'My invoice.pdf' })).toBe('My_invoice.pdf');
		const related = [{ filelocationtype: 'E', filename: 'http://INV-1.pdf' }, { filelocationtype: 'I', filename: 'INV-1.pdf', id: '15x9' }];
		expect(attachedDocument(related, { kind: 'file', name: 'INV-1.pdf' })?.id).toBe('15x9');
		expect(attachedDocument(related, { kind: 'link', url: 'INV-2.pdf' })).toBeUndefined();
	});
});
