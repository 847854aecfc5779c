import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { MappingOptionsInput } from '../../shared/mapping';
import type { MappedRecord } from '../helpers/crmMapping';
import { overridesFrom, payloadFromCrmRecord } from '../helpers/crmMapping';
import { parseJsonParameter } from '../helpers/fieldPayloads';
import { toXeroPayload } from '../helpers/xeroShape';
import type { SendRules } from './rules';

function jsonParameter(value: unknown): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	const parsed = typeof value === 'string' ? parseJsonParameter('Mapping Options (JSON)', 'an object such as {"overrides": {…}}', value) : value;
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new Error('Mapping Options (JSON) must be an object');
	}
	return parsed as IDataObject;
}

/**
 * The write payload for one input item, in whichever input mode the node is set to; a CRM invoice Xero has already
 * settled comes back as `settled` instead. Throws with a user-facing message when the input is unusable.
 */
export function payloadForInputMode(ctx: IExecuteFunctions, rules: SendRules, itemIndex: number, item: INodeExecutionData): MappedRecord {
	const { resource } = rules.spec;
	const inputMode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	if (inputMode === 'json') return { payload: toXeroPayload(resource, item.json) };
	if (inputMode === 'crmRecord') {
		const options = jsonParameter(ctx.getNodeParameter('mappingOptions', itemIndex, '{}')) as MappingOptionsInput;
		const pairs = (ctx.getNodeParameter('overridesUi', itemIndex, {}) as IDataObject).override as IDataObject[];
		const overrides = { ...(options.overrides ?? {}), ...overridesFrom(pairs) };
		const module = ctx.getNodeParameter('crmModule', itemIndex) as string;
		const target = { resource, modules: rules.crmModules, moduleFromOptions: rules.crmModuleFromOptions?.(options) };
		const mapped = payloadFromCrmRecord(target, module, item.json, { ...options, overrides });
		// The mapping emits Xero's request shape; the same whitelist as JSON input keeps unknown fields out.
		return 'payload' in mapped ? { payload: toXeroPayload(resource, mapped.payload) } : mapped;
	}
	return { payload: rules.fromFields(ctx, itemIndex) };
}
