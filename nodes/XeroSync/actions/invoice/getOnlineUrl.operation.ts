import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { onlineUrlDescription } from '../../documents/description';
import { executeGetOnlineUrl } from '../../documents/getOnlineUrl';

export const action = 'Get Online Invoice URL';

export const description: INodeProperties[] = onlineUrlDescription('invoice');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await executeGetOnlineUrl.call(this, items, 'invoice');
}
