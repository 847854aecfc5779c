import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldDescribe, ListTypeInfo, ModuleDescribe } from './types';
import { WS_IDS } from './wsIds';

const DATA_DIR = join(__dirname, '..', 'data');

function readJson<T>(...parts: string[]): T {
	return JSON.parse(readFileSync(join(DATA_DIR, ...parts), 'utf8')) as T;
}

interface ListTypesData {
	types: string[];
	information: Record<string, ListTypeInfo>;
	modulesWithFieldType: Record<string, string[]>;
}

const RECORDED_DESCRIBES = [
	'Accounts', 'Contacts', 'Currency', 'Invoice', 'LineItem', 'Products', 'Quotes', 'SalesOrder', 'Services',
	// transcripts 31-31d (second instance)
	'PurchaseOrder', 'Vendors', 'Documents', 'PriceBooks',
];

// Where a module's custom block sits among its fields: Accounts lists it right after its first block (36: the
// cf_ fields follow "tags", before the address); the other recorded modules list it last, before "id".
const CUSTOM_BLOCK_AFTER: Record<string, string> = { Accounts: 'tags' };

export interface ModuleExtension {
	// Modules that do not exist in a stock install (Simply CRM's XTiger-style modules).
	modules?: Array<{ describe: ModuleDescribe; info: ListTypeInfo }>;
	// Custom fields (cf_*) added to existing modules, where vtiger lists the module's custom block.
	customFields?: Record<string, FieldDescribe[]>;
}

export class ModuleRegistry {
	private readonly describes = new Map<string, ModuleDescribe>();
	private readonly info: Record<string, ListTypeInfo>;
	private readonly types: string[];
	private readonly wsIds: Record<string, number>;
	private readonly fieldTypeModules: Record<string, string[]>;

	constructor(extension: ModuleExtension = {}) {
		const listTypes = readJson<ListTypesData>('listtypes.json');
		this.types = [...listTypes.types];
		this.info = { ...listTypes.information };
		this.wsIds = { ...WS_IDS };
		this.fieldTypeModules = listTypes.modulesWithFieldType;
		for (const name of RECORDED_DESCRIBES) this.describes.set(name, readJson<ModuleDescribe>('describe', `${name}.json`));
		for (const [module, fields] of Object.entries(extension.customFields ?? {})) {
			const describe = this.describes.get(module);
			if (!describe) throw new Error(`custom fields for unknown module ${module}`);
			const after = CUSTOM_BLOCK_AFTER[module];
			const at = after ? describe.fields.findIndex((f) => f.name === after) + 1 : describe.fields.findIndex((f) => f.name === 'id');
			describe.fields.splice(at, 0, ...fields);
		}
		for (const { describe, info } of extension.modules ?? []) {
			this.types.push(describe.name);
			this.info[describe.name] = info;
			this.wsIds[describe.name] = Number(describe.idPrefix);
			this.describes.set(describe.name, describe);
		}
	}

	listTypes(fieldTypes?: string[]): { types: string[]; information: Record<string, ListTypeInfo> } {
		const types = fieldTypes?.length ? this.types.filter((t) => this.hasFieldType(t, fieldTypes)) : this.types;
		const information: Record<string, ListTypeInfo> = {};
		for (const t of types) information[t] = this.info[t];
		return { types, information };
	}

	private hasFieldType(module: string, fieldTypes: string[]): boolean {
		if (fieldTypes.some((ft) => this.fieldTypeModules[ft]?.includes(module))) return true;
		if (!RECORDED_DESCRIBES.includes(module) && this.describes.has(module))
			return this.describes.get(module)!.fields.some((f) => fieldTypes.includes(f.type.name));
		return false;
	}

	exists(module: string): boolean {
		return this.types.includes(module);
	}

	wsId(module: string): number | undefined {
		return this.wsIds[module];
	}

	moduleOfWsId(wsId: number): string | undefined {
		return Object.keys(this.wsIds).find((m) => this.wsIds[m] === wsId);
	}

	isEntity(module: string): boolean {
		return this.info[module]?.isEntity === true;
	}

	hasRecordedShape(module: string): boolean {
		return this.describes.has(module);
	}

	describe(module: string): ModuleDescribe {
		const known = this.describes.get(module);
		if (known) return known;
		return this.minimalDescribe(module);
	}

	field(module: string, name: string): FieldDescribe | undefined {
		return this.describe(module).fields.find((f) => f.name === name);
	}

	// No describe was recorded for the other stock modules; this keeps them usable for generic clients
	// (owner + timestamps + id) without inventing their real field lists.
	private minimalDescribe(module: string): ModuleDescribe {
		const info = this.info[module];
		const field = (name: string, label: string, type: string, mandatory = false, editable = true): FieldDescribe => ({
			name,
			label,
			mandatory,
			type: { name: type },
			isunique: false,
			nullable: !mandatory,
			editable,
			default: '',
		});
		const describe: ModuleDescribe = {
			label: info?.label ?? module,
			name: module,
			createable: true,
			updateable: true,
			deleteable: true,
			retrieveable: true,
			fields: [
				...(module === 'Users'
					? // Not recorded: the types vtiger 7.5's webservice derives for the Users fields that carry credentials
						// (modules/Users/DefaultDataPopulator.php: user_password and confirm_password are uitype 99 with
						// typeofdata P → "password"; accesskey is uitype 3 → "autogenerated"), so a client can find them.
						[
							field('user_name', 'User Name', 'string', true),
							field('user_password', 'Password', 'password', true),
							field('confirm_password', 'Confirm Password', 'password', true),
							field('accesskey', 'Webservice Access Key', 'autogenerated', false, false),
						]
					: [field('assigned_user_id', 'Assigned To', 'owner', true)]),
				field('createdtime', 'Created Time', 'datetime', false, false),
				field('modifiedtime', 'Modified Time', 'datetime', false, false),
				{ ...field('id', 'id', 'autogenerated', false, false), nullable: false },
			],
			idPrefix: String(this.wsIds[module]),
			isEntity: info?.isEntity ?? false,
			labelFields: '',
		};
		if (describe.isEntity) describe.allowDuplicates = false;
		return describe;
	}
}
