import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { recordPath } from '../../shared/xero/recordPath';
import { XERO_RESOURCES, type XeroResource } from '../../shared/xero/resources';
import { DocumentProblem, eachDocument } from './run';
import { targetLabel } from './target';

/** Get Online URL: the page Xero shows the customer (view, download, pay), for each named record. */
export async function executeGetOnlineUrl(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	resource: XeroResource,
): Promise<INodeExecutionData[]> {
	const online = XERO_RESOURCES[resource].documents?.onlineUrl;
	const action = `Get ${online?.label ?? 'Online URL'}`;
	return await eachDocument(this, items, resource, action, async (caller, spec, target, i) => {
		if (!online) throw new DocumentProblem(`${action}: Xero has no online page for ${spec.plural.toLowerCase()}.`, 'NOT_AVAILABLE');
		const response = await caller.request({ method: 'GET', path: `${recordPath(spec.path, spec.idField, target.id)}${online.suffix}` });
		const first = (response.body[online.collection] as IDataObject[] | undefined)?.[0];
		const url = first?.[online.urlField];
		if (typeof url !== 'string' || url === '') {
			throw new DocumentProblem(`${action}: Xero gave no URL for ${spec.label.toLowerCase()} ${targetLabel(target)}.`, 'NOT_AVAILABLE');
		}
		return { json: { [spec.idField]: target.id, [spec.numberField]: target.number, [online.urlField]: url }, pairedItem: { item: i } };
	});
}
