import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import {
	attachedDocument,
	documentsRelationLabel,
	maxUploadBytes,
	storedFileName,
	type DocumentSource,
} from '../../helpers/documents';
import { attempt } from '../../../shared/attempt';
import { RecordProblem } from '../../helpers/recordProblem';
import type { VtigerClient, VtigerRecord } from '../../transport';
import { recordIdField } from '../common.descriptions';
import { outputRecord } from '../context';
import { eachNamedRecord } from '../eachRecord';

const show = (extra: IDataObject = {}) => ({ show: { operation: ['attachDocument'], ...extra } });

export const description: INodeProperties[] = [
	recordIdField(['attachDocument'], 'The record to attach the document to, e.g. 7x14 for an invoice (the Module above is its module)'),
	{
		displayName: 'Document Source',
		name: 'documentSource',
		type: 'options',
		options: [
			{ name: 'File From Input', value: 'file', description: 'Upload a binary file of the input item (e.g. an invoice PDF)' },
			{ name: 'Link (URL)', value: 'link', description: 'A document that points at a URL (e.g. the online invoice)' },
		],
		default: 'file',
		displayOptions: show(),
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field holding the file to upload',
		displayOptions: show({ documentSource: ['file'] }),
	},
	{
		displayName: 'URL',
		name: 'documentUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://in.xero.com/…',
		description: 'The link the document points at; vtiger stores a URL without a scheme with http:// in front',
		displayOptions: show({ documentSource: ['link'] }),
	},
	{
		displayName: 'Title',
		name: 'documentTitle',
		type: 'string',
		default: '',
		placeholder: 'e.g. Invoice INV-0001 (PDF)',
		description: "The document's title in the CRM; empty uses the file name or the URL",
		displayOptions: show(),
	},
	{
		displayName: 'Options',
		name: 'attachOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(),
		options: [
			{
				displayName: 'Description',
				name: 'notecontent',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				description: "The document's note (notecontent)",
			},
			{
				displayName: 'Folder ID',
				name: 'folderid',
				type: 'string',
				default: '',
				placeholder: 'e.g. 22x1',
				description: 'A DocumentFolders record; empty puts the document in the default folder',
			},
			{
				displayName: 'If Already Attached',
				name: 'ifAttached',
				type: 'options',
				options: [
					{ name: 'Skip', value: 'skip', description: 'Output the attached document and create nothing' },
					{ name: 'Attach Again', value: 'attachAgain', description: 'Create another document with the same file or link' },
				],
				default: 'skip',
				description:
					'What to do when a document with the same file name (or URL) is already related to the record, e.g. on a second run',
			},
		],
	},
];

interface Attachment {
	source: DocumentSource;
	title: string;
	upload?: { name: string; type: string; bytes: Buffer };
}

async function attachmentOf(ctx: IExecuteFunctions, i: number, maxBytes: number | undefined): Promise<Attachment> {
	const title = String(ctx.getNodeParameter('documentTitle', i, '')).trim();
	if (ctx.getNodeParameter('documentSource', i, 'file') === 'link') {
		const url = String(ctx.getNodeParameter('documentUrl', i, '')).trim();
		if (url === '') throw new RecordProblem(`Item ${i + 1}: the URL is empty; map the link to attach (e.g. the OnlineInvoiceUrl).`, 'INPUT');
		return { source: { kind: 'link', url }, title: title || url };
	}
	const property = String(ctx.getNodeParameter('binaryPropertyName', i, 'data')).trim();
	const binary = ctx.helpers.assertBinaryData(i, property);
	const bytes = await ctx.helpers.getBinaryDataBuffer(i, property);
	const name = binary.fileName || `${property}.${binary.fileExtension ?? 'bin'}`;
	if (maxBytes !== undefined && bytes.length > maxBytes) {
		throw new RecordProblem(`${name} is ${bytes.length} bytes; this CRM accepts uploads up to ${maxBytes} bytes.`, 'FILE_TOO_LARGE');
	}
	return { source: { kind: 'file', name }, title: title || name, upload: { name, type: binary.mimeType, bytes } };
}

/**
 * Attach Document: an uploaded file or a link as a Documents record related to the record. A document with the same
 * file name or URL already related to it is the same attachment (a second run creates nothing).
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: VtigerClient,
): Promise<INodeExecutionData[]> {
	const session = await client.session();
	const documentsDescribe = await client.describe('Documents');
	const labels = new Map<string, string | undefined>();
	const how = {
		operation: 'attachDocument',
		flow: 'Xero → CRM' as const,
		emptyId: (i: number) => `Item ${i + 1}: the Record ID to attach to is empty.`,
	};
	return await eachNamedRecord(this, items, client, how, async ({ itemIndex: i, module, id }) => {
		const options = this.getNodeParameter('attachOptions', i, {}) as IDataObject;
		if (!labels.has(module)) labels.set(module, documentsRelationLabel(await client.relatedTypes(module)));
		const label = labels.get(module);
		if (!label) {
			throw new RecordProblem(`${module} records have no Documents related list in this CRM, so nothing can be attached to ${id}.`, 'NO_DOCUMENTS');
		}
		const attachment = await attachmentOf(this, i, maxUploadBytes(documentsDescribe));
		const existing = options.ifAttached === 'attachAgain' ? undefined : attachedDocument(await client.retrieveRelated(id, 'Documents', label), attachment.source);
		if (existing) return result(existing, id, 'alreadyAttached', i);
		const element: VtigerRecord = {
			notes_title: attachment.title,
			assigned_user_id: session.userId,
			filelocationtype: attachment.source.kind === 'file' ? 'I' : 'E',
			filename: storedFileName(attachment.source),
			// Without it vtiger stores the document inactive (34), whatever describe's default says.
			filestatus: '1',
		};
		if (options.folderid) element.folderid = String(options.folderid);
		if (options.notecontent) element.notecontent = String(options.notecontent);
		const created = attachment.upload
			? await client.createWithFile('Documents', element, { field: 'filename', ...attachment.upload })
			: await client.create('Documents', element);
		const related = await attempt(async () => await client.addRelated(id, String(created.id), label));
		if (!related.ok) {
			// A document related to nothing would be attached again by the next run: it goes.
			await client.delete(String(created.id)).catch(() => undefined);
			throw related.error;
		}
		return result(created, id, 'created', i);
	});

	function result(document: VtigerRecord, relatedTo: string, attachment: string, i: number): INodeExecutionData {
		const json = outputRecord(document, { raw: false, describe: documentsDescribe });
		return { json: { ...json, relatedTo, attachment }, pairedItem: { item: i } };
	}
}
