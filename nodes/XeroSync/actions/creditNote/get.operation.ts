import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executeGet } from '../../get/executeGet';
import { getDescription } from '../../get/description';

export const description: INodeProperties[] = getDescription('creditNote');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return executeGet.call(this, items, 'creditNote');
}
