import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { pdfDescription } from '../../documents/description';
import { executeGetPdf } from '../../documents/getPdf';

export const action = 'Get Purchase Order PDF';

export const description: INodeProperties[] = pdfDescription('purchaseOrder');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await executeGetPdf.call(this, items, 'purchaseOrder');
}
