import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { recordPath } from '../../shared/xero/recordPath';
import { XERO_RESOURCES, type XeroResource } from '../../shared/xero/resources';
import { DocumentProblem, eachDocument } from './run';
import { targetLabel } from './target';

const PDF = 'application/pdf';

/** A file name from a record number, which may hold characters file systems refuse (INV/2026/01). */
export function pdfFileName(numberOrId: string): string {
	const printable = [...numberOrId].map((c) => (c.charCodeAt(0) < 32 ? '-' : c)).join('');
	const safe = printable.replace(/[\\/:*?"<>|]+/g, '-').trim();
	return `${safe === '' ? 'document' : safe}.pdf`;
}

/** Get PDF: each named record as Xero renders it, into the item's binary data. */
export async function executeGetPdf(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	resource: XeroResource,
): Promise<INodeExecutionData[]> {
	const action = `Get ${XERO_RESOURCES[resource].label} PDF`;
	return await eachDocument(this, items, resource, action, async (caller, spec, target, i) => {
		const property = String(this.getNodeParameter('binaryPropertyName', i, 'data')).trim() || 'data';
		const response = await caller.request<Buffer>({
			method: 'GET',
			path: recordPath(spec.path, spec.idField, target.id),
			binaryAccept: PDF,
		});
		const type = String(response.headers['content-type'] ?? '');
		if (!type.toLowerCase().startsWith(PDF) || !Buffer.isBuffer(response.body)) {
			throw new DocumentProblem(
				`${action}: Xero answered for ${spec.label.toLowerCase()} ${targetLabel(target)} with ${type || 'no content type'} instead of a PDF.`,
				'NOT_A_PDF',
			);
		}
		const fileName = pdfFileName(target.number || target.id);
		const binary = await this.helpers.prepareBinaryData(response.body, fileName, PDF);
		return {
			json: { [spec.idField]: target.id, [spec.numberField]: target.number, fileName, mimeType: PDF, fileSize: response.body.length },
			binary: { [property]: binary },
			pairedItem: { item: i },
		};
	});
}
