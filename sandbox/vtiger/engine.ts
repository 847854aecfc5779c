import { SessionManager, type SandboxUser } from './auth/sessions';
import { SandboxClock } from './clock';
import { Errors } from './errors';
import { DEFAULT_FOLDER } from './ops/documents';
import { htmlSpecialChars, unFromHtml } from './schema/html';
import { buildModuleSpec, type ModuleSpec } from './schema/fieldSpecs';
import { ModuleRegistry, type ModuleExtension } from './schema/registry';
import { RecordStore, type StoredRecord } from './store/records';

export interface EngineSettings {
	currencyDecimals: number;
	// false reproduces stock 7.5.0 on PHP >= 7.1, where every sync call dies with an empty HTTP 500.
	syncPatched: boolean;
	// false reproduces stock 7.5.0's OperationManager.php on PHP 8: every operation whose parameter names differ
	// from its PHP handler's arguments (query, retrieve_inventory, sync, logout) dies with an empty HTTP 500.
	operationManagerPatched: boolean;
}

// CheckDuplicateHandler's SELECT, the crmid from vtiger_crmentity_seq, setModuleSeqNumber's read and its
// UPDATE of vtiger_modentity_num, and the INSERT of the record.
export type CreateStep = 'check' | 'crmid' | 'numberRead' | 'numberWrite' | 'insert';

export interface CurrencyRow {
	id: string;
	currency_name: string;
	currency_code: string;
	currency_symbol: string;
	conversion_rate: string;
	currency_status: string;
	defaultid: string;
	deleted: string;
}

export type Resolved =
	| { kind: 'entity'; module: string; record: StoredRecord }
	| { kind: 'user'; module: 'Users'; user: Record<string, string> }
	| { kind: 'currency'; module: 'Currency'; row: CurrencyRow };

export class Engine {
	readonly store = new RecordStore();
	readonly sessions: SessionManager;
	private readonly specs = new Map<string, ModuleSpec>();
	/** How long a create spends between its duplicate check and its insert (a fault: faults.slowSaves). */
	saveGapMs = 0;
	/**
	 * Awaited before each step of a create that vtiger runs as a separate statement, with nothing locked between
	 * them (CreateStep). By default no step waits; the transcript replay sets it to put concurrent creates'
	 * steps in the order the recording's results show (37).
	 */
	createStep: (step: CreateStep, sessionName: string | undefined) => Promise<void> = async () => undefined;

	constructor(
		readonly registry: ModuleRegistry,
		readonly clock: SandboxClock,
		readonly settings: EngineSettings,
		readonly adminUser: Record<string, string>,
		readonly currencies: CurrencyRow[],
		users: SandboxUser[],
	) {
		this.sessions = new SessionManager(users, clock);
	}

	static create(options: {
		extension?: ModuleExtension;
		clock: SandboxClock;
		settings: EngineSettings;
		adminUser: Record<string, string>;
		currencies: CurrencyRow[];
	}): Engine {
		const admin = options.adminUser;
		const users = [{ userName: admin.user_name, accessKey: admin.accesskey, wsId: admin.id }];
		return new Engine(new ModuleRegistry(options.extension), options.clock, options.settings, admin, options.currencies, users);
	}

	/** The time vtiger's save takes from the duplicate check to the insert; other requests' work lands in it. */
	async betweenCheckAndInsert(): Promise<void> {
		await new Promise((resolve) => setTimeout(resolve, this.saveGapMs));
	}

	spec(module: string): ModuleSpec {
		let spec = this.specs.get(module);
		if (!spec) {
			spec = buildModuleSpec(this.registry.describe(module));
			this.specs.set(module, spec);
		}
		return spec;
	}

	wsIdOf(module: string): number {
		const id = this.registry.wsId(module);
		if (id === undefined) throw new Error(`no ws id for ${module}`);
		return id;
	}

	idOf(record: StoredRecord): string {
		return `${this.wsIdOf(record.module)}x${record.crmid}`;
	}

	// The checks and messages of vtws_retrieve/revise/delete for an id string.
	resolve(id: unknown): Resolved {
		const match = typeof id === 'string' ? /^(\d+)x(\d+)$/.exec(id) : null;
		if (!match) throw Errors.accessDeniedFor('id');
		const module = this.registry.moduleOfWsId(Number(match[1]));
		if (!module) throw Errors.accessDeniedFor('id');
		const crmid = Number(match[2]);
		if (module === 'Users') {
			if (id === this.adminUser.id) return { kind: 'user', module, user: this.adminUser };
			throw Errors.accessDenied();
		}
		if (module === 'Currency') {
			const row = this.currencies.find((c) => c.id === id);
			if (!row) throw Errors.accessDenied();
			return { kind: 'currency', module, row };
		}
		const record = this.store.get(crmid);
		if (!record || record.deleted) throw Errors.accessDenied();
		if (record.module !== module) throw Errors.invalidId();
		return { kind: 'entity', module, record };
	}

	// Whether a reference value points at an existing record (missing ones are silently dropped on save).
	referenceExists(value: string): boolean {
		const match = /^(\d+)x(\d+)$/.exec(value);
		if (!match) return false;
		const module = this.registry.moduleOfWsId(Number(match[1]));
		if (module === 'Users') return value === this.adminUser.id;
		if (module === 'Groups') return false;
		if (module === 'Currency') return this.currencies.some((c) => c.id === value);
		if (module === 'DocumentFolders') return value === DEFAULT_FOLDER.id;
		const record = this.store.get(Number(match[2]));
		return !!record && !record.deleted && record.module === module;
	}

	// What a save writes to crmentity.label: the label fields as given (before from_html encoded them).
	rawLabel(record: StoredRecord): string {
		const fields = this.spec(record.module).labelFields;
		return fields
			.map((f) => unFromHtml(record.values[f] ?? ''))
			.join(' ')
			.trim();
	}

	// The "label" of create/retrieve/revise output: crmentity.label through htmlspecialchars (36).
	label(record: StoredRecord): string {
		return htmlSpecialChars(record.label ?? this.rawLabel(record));
	}
}
