import { conflictPolicyOption } from '../../shared/conflictPolicy';
import { DEFAULT_SYNC_HASH_FIELD } from '../../shared/xero/linkHash';
import { compositeKeyWords } from './match';
import type { INodeProperties } from 'n8n-workflow';
import type { XeroResource } from '../../shared/xero/resources';
import type { ExtraInputMode } from './rules';
import { XERO_RESOURCES } from '../../shared/xero/resources';

export function sendShow(resource: XeroResource, inputMode?: string) {
	return {
		show: {
			resource: [resource],
			operation: ['send'],
			...(inputMode ? { inputMode: [inputMode] } : {}),
		},
	};
}

/** The duplicate-handling choices a resource offers: a record Xero never edits can only be skipped or failed. */
function duplicateModes(resource: XeroResource): string[] {
	return XERO_RESOURCES[resource].updatable === false ? ['fail', 'skip'] : ['addSuffix', 'fail', 'skip', 'update'];
}

/** What "the same record" means in the Duplicate Handling description. */
function matchWords(resource: XeroResource): string {
	const spec = XERO_RESOURCES[resource];
	// A key of several compared parts (a payment's invoice, date, amount and reference) is named part by part.
	const composite = compositeKeyWords(spec);
	if (composite !== undefined) return `the same ${composite}`;
	// The keys a person knows the record by: its number, and its name where it has one (contacts).
	const keys = [spec.numberLabel, spec.nameField].filter((k): k is string => k !== undefined);
	return `the same ${keys.map((k) => k.toLowerCase()).join(' or ')}`;
}

/**
 * Input mode and duplicate handling come first in every Send; the resource's own fields follow. `crmRecord: false`
 * leaves out "CRM Record, Auto-Mapped" for a resource the CRM mapping does not cover yet; `extraModes` are the
 * resource's own inputs (a bill from a Xero purchase order).
 */
export function sendHeadDescription(
	resource: XeroResource,
	{ crmRecord = true, extraModes = [] }: { crmRecord?: boolean; extraModes?: Array<Pick<ExtraInputMode, 'name' | 'value' | 'description'>> } = {},
): INodeProperties[] {
	const spec = XERO_RESOURCES[resource];
	const modes = duplicateModes(resource);
	const updates = spec.updatable === false ? '' : ' Records that carry their Xero ID are always updated.';
	return [
		{
			displayName: 'Input',
			name: 'inputMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Define Below',
					value: 'fields',
					description: 'Set each field here, with fixed values or expressions over the input item (one record per input item)',
				},
				{
					name: 'CRM Record, Auto-Mapped',
					value: 'crmRecord',
					description: `Each input item is a CRM record (e.g. from the CRM Record node), mapped to a Xero ${spec.label.toLowerCase()} by the package's field mapping`,
				},
				{
					name: 'Xero JSON From Input',
					value: 'json',
					description: `Each input item is a ${spec.label.toLowerCase()} in Xero's shape (e.g. from another Xero node or a Code node)`,
				},
				...extraModes.map(({ name, value, description }) => ({ name, value, description })),
			].filter((option) => crmRecord || option.value !== 'crmRecord'),
			default: 'fields',
			displayOptions: sendShow(resource),
		},
		{
			displayName: 'Duplicate Handling',
			name: 'duplicateHandling',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Add Suffix',
					value: 'addSuffix',
					description: 'Create a separate record, made unique with the CRM ID (input field crmId or ID)',
				},
				{
					name: 'Fail',
					value: 'fail',
					description: 'Send the item to the error output, naming the existing record',
				},
				{
					name: 'Skip',
					value: 'skip',
					description: 'Leave Xero unchanged and output the existing record, so the CRM can link to it',
				},
				{
					name: 'Update Existing',
					value: 'update',
					description: 'Overwrite the existing record with the fields sent',
				},
			].filter((option) => modes.includes(option.value)),
			default: 'skip',
			description: `What to do when Xero already has a ${spec.label.toLowerCase()} with ${matchWords(resource)}.${updates}`,
			displayOptions: sendShow(resource),
		},
	];
}

/** "CRM Record, Auto-Mapped": which CRM module the items come from, and single fields to set after mapping. */
export function crmMappingDescription(resource: XeroResource, modules: string[]): INodeProperties[] {
	const firstModule = modules[0];
	return [
		{
			displayName: 'CRM Module',
			name: 'crmModule',
			type: 'options',
			options: modules.map((module) => ({ name: module, value: module })),
			default: firstModule,
			description: 'The CRM module of the input records',
			displayOptions: sendShow(resource, 'crmRecord'),
		},
		{
			displayName: 'Field Overrides',
			name: 'overridesUi',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Override',
			default: {},
			description: 'Xero fields to set after mapping, by dotted path (e.g. SalesDetails.AccountCode)',
			displayOptions: sendShow(resource, 'crmRecord'),
			options: [
				{
					displayName: 'Override',
					name: 'override',
					values: [
						{ displayName: 'Xero Field Path', name: 'path', type: 'string', default: '', placeholder: 'e.g. Status' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'Mapping Options (JSON)',
			name: 'mappingOptions',
			type: 'json',
			default: '{}',
			description:
				'Advanced mapping options (link fields, item code and account fields, default sales account…), as documented in the README (Xero ↔ CRM field mapping)',
			displayOptions: sendShow(resource, 'crmRecord'),
		},
	];
}

/** Batch size; only for resources written in batches (SendRules.writer writeInBatches). */
export function sendOptionsDescription(resource: XeroResource): INodeProperties[] {
	return [
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: sendShow(resource),
			options: ([
				{
					displayName: 'Batch Size',
					name: 'batchSize',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 50 },
					default: 50,
					description: 'Records per Xero write call (up to 50, as Xero recommends)',
				},
				{
					displayName: 'Preview (No Writes)',
					name: 'preview',
					type: 'boolean',
					default: false,
					description:
						'Whether to only read from Xero and output, for each item, what a real run would do to it: create, update (with the fields that would change, old and new), unchanged, skip or fail',
				},
				conflictPolicyOption,
				{
					displayName: 'Sync Hash Field',
					name: 'syncHashField',
					type: 'string',
					default: DEFAULT_SYNC_HASH_FIELD,
					description:
						'The field of each input item holding the hash stored with the link at the last sync (the CRM field beside the Xero ID); used by the Conflict Policy. Each output item carries the new one as syncHash, to save with the Xero ID.',
				},
				// A record Xero never edits has no updates for a Conflict Policy to decide.
			] as INodeProperties[]).filter((option) => XERO_RESOURCES[resource].updatable !== false || !['conflictPolicy', 'syncHashField'].includes(option.name)),
		},
	];
}

export const xeroIdField = (resource: XeroResource): INodeProperties => {
	const spec = XERO_RESOURCES[resource];
	return {
		displayName: `Xero ${spec.label} ID`,
		name: 'xeroId',
		type: 'string',
		default: '',
		description: `The ${spec.idField} of the record to update; when empty, the record is matched by ${spec.numberLabel.toLowerCase()}${spec.nameField ? ' or name' : ''}`,
	};
};

/** The "Additional Fields" collection of a Send's "Define Below" input: the resource's optional fields. */
export function additionalFieldsProperty(resource: XeroResource, options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: sendShow(resource, 'fields'),
		options,
	};
}
