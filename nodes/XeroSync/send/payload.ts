import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { MappingOptionsInput } from '../../shared/mapping';
import type { XeroResource } from '../../shared/xero/resources';
import { overridesFrom, payloadFromCrmRecord } from '../helpers/crmMapping';
import { toXeroPayload } from '../helpers/xeroShape';

function jsonParameter(value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new Error('Mapping Options (JSON) must be an object');
	}
	return parsed as IDataObject;
}

/** The write payload for one input item, in whichever input mode the node is set to. */
export function payloadForInputMode(
	ctx: IExecuteFunctions,
	resource: XeroResource,
	itemIndex: number,
	item: INodeExecutionData,
	fromFields: () => IDataObject,
): IDataObject {
	const inputMode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (inputMode === 'json') return toXeroPayload(resource, item.json);
	if (inputMode === 'crmRecord') {
		const options = jsonParameter(ctx.getNodeParameter('mappingOptions', itemIndex, '{}')) as MappingOptionsInput;
		const pairs = (ctx.getNodeParameter('overridesUi', itemIndex, {}) as IDataObject).override as IDataObject[];
		const overrides = { ...(options.overrides ?? {}), ...overridesFrom(pairs) };
		const module = ctx.getNodeParameter('crmModule', itemIndex) as string;
		// The mapping emits Xero's request shape; the same whitelist as JSON input keeps unknown fields out.
		return toXeroPayload(resource, payloadFromCrmRecord(resource, module, item.json, { ...options, overrides }));
	}
	return fromFields();
}
