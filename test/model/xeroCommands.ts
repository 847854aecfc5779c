import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import type { SandboxFaultSpec } from '../../sandbox/xero';
import type { Model } from './xeroModel';
import { checkChanges, checkSend, checkStore, invoiceInput, organisationInput } from './xeroModel';
import type { DuplicateHandling, PageMutation, XeroWorld } from './xeroWorld';
import { CHANGE_QUERIES, INVOICES, ORGANISATIONS, RENAMED } from './xeroWorld';

/**
 * Generator switches. A switch is off only while it finds a defect that is not fixed on main yet (named next to it),
 * or a documented limit; turn it back on (MODEL_ON=name to try first) once the fix is merged.
 */
export const GENERATE = {
	/** one execution sends one CRM record twice, or two whose keys collide, across batches (issue 11 defect 3) */
	collidingSends: true,
	/** two executions at once (organisations; Xero keeps contact names unique) */
	concurrentSends: true,
	/**
	 * two executions at once sending bills — off: a documented limit (README, Limits): Xero does not keep bill
	 * numbers unique, so two executions that look up the same new bill at once both create it
	 */
	concurrentBills: false,
	/** the last send again, after it was stopped by faults */
	reruns: true,
	/** faults injected into sends: 429, 5xx, reset after commit, a failing second write */
	faults: true,
	/**
	 * Xero-side renames, archives and edits between the page reads of "Changed Since Last Run" (issue 11 defect 2:
	 * a record that moves or leaves must not shift a later one past the cursor). Off, the same changes still happen,
	 * before the Get's first page.
	 */
	changesBetweenPages: true,
	/** one Get with two input items (two filters), each with its own cursor (issue 11 defect 2: no shared cursor) */
	twoQueriesPerGet: true,
	/** bills with the same number from two suppliers (7x1 and 7x2 both INV-001; issue 11 defect 1) */
	billNumbersAcrossSuppliers: true,
	/** histories under "Add Suffix" (issue 11 defects 5 and 4: a re-run after a lost answer must not add a copy) */
	addSuffix: true,
	/**
	 * histories whose Get has "Overlap" 0 (found a double delivery at the cursor's second, fixed with
	 * test/xeroSync/changedSinceSameSecond.test.ts)
	 */
	shortOverlap: true,
};
// Local runs: MODEL_ON=addSuffix,twoQueriesPerGet / MODEL_OFF=faults switch generators without editing this file.
for (const [variable, value] of [['MODEL_ON', true], ['MODEL_OFF', false]] as const) {
	for (const name of (process.env[variable] ?? '').split(',').filter(Boolean)) {
		if (!(name in GENERATE)) throw new Error(`${variable}: unknown generator "${name}"; known: ${Object.keys(GENERATE).join(', ')}`);
		GENERATE[name as keyof typeof GENERATE] = value;
	}
}

type Resource = 'organisation' | 'invoice';
export interface Real {
	world: XeroWorld;
	/** executions run so far in this history, for messages */
	step: number;
}

const faultArb = (resource: Resource): fc.Arbitrary<SandboxFaultSpec | undefined> => {
	const path = resource === 'organisation' ? '/Contacts' : '/Invoices';
	const faults: Array<fc.Arbitrary<SandboxFaultSpec>> = [
		fc.record({ kind: fc.constant('rate-limit-minute' as const), count: fc.integer({ min: 1, max: 2 }) }),
		fc.record({ kind: fc.constant('rate-limit-concurrent' as const), count: fc.constant(1) }),
		fc.record({ kind: fc.constantFrom('server-error' as const, 'offline' as const), count: fc.integer({ min: 1, max: 7 }), method: fc.constantFrom('GET', 'PUT', 'POST') }),
		fc.record({ kind: fc.constant('reset-after-commit' as const), count: fc.integer({ min: 1, max: 7 }), method: fc.constantFrom('PUT', 'POST') }),
		// the second write of a batch (POST, after the creates' PUT) fails for good: retries exhausted, or the day's limit
		fc.constant({ kind: 'server-error' as const, count: 6, method: 'POST' }),
		fc.constant({ kind: 'rate-limit-day' as const, count: 1, method: 'POST' }),
	];
	const withPath = fc.oneof(...faults).map((fault) => ({ ...fault, path }));
	return GENERATE.faults ? fc.option(withPath, { freq: 2, nil: undefined }) : fc.constant(undefined);
};

const picksArb = (resource: Resource) => {
	const indices =
		resource === 'organisation'
			? ORGANISATIONS.map((_, i) => i)
			: INVOICES.map((_, i) => i).filter((i) => GENERATE.billNumbersAcrossSuppliers || INVOICES[i].crmId !== '7x2');
	const pick = fc.constantFrom(...indices);
	if (GENERATE.collidingSends) return fc.array(pick, { minLength: 1, maxLength: 7 });
	// Without colliding keys: each CRM record and each bill key at most once per execution.
	const key = (i: number) =>
		resource === 'organisation' ? ORGANISATIONS[i].name.toLowerCase() : `${INVOICES[i].type}|${INVOICES[i].contact.toLowerCase()}|${INVOICES[i].number}`;
	return fc.uniqueArray(pick, { minLength: 1, maxLength: 5, selector: key });
};

function inputsOf(model: Model, resource: Resource, picks: number[]): IDataObject[] {
	return picks.map((pick) => (resource === 'organisation' ? organisationInput(model, pick) : invoiceInput(pick)));
}

function remember(model: Model, resource: Resource, inputs: IDataObject[]): void {
	for (const input of inputs) {
		const crmId = String(input.crmId);
		if (resource === 'invoice') {
			model.sentInvoices.add(crmId);
			continue;
		}
		const names = model.namesSent.get(crmId) ?? new Set<string>();
		names.add(String(input.Name).trim().toLowerCase());
		model.namesSent.set(crmId, names);
	}
}

async function sendAndCheck(
	model: Model,
	real: Real,
	resource: Resource,
	runs: Array<{ picks: number[]; batchSize: number }>,
	fault: SandboxFaultSpec | undefined,
	label: string,
): Promise<void> {
	const inputs = runs.map((run) => inputsOf(model, resource, run.picks));
	for (const each of inputs) remember(model, resource, each);
	if (fault) real.world.inject(fault);
	const outcomes = await Promise.all(
		runs.map((run, i) => real.world.send(resource, inputs[i], model.mode, run.batchSize)),
	).finally(() => real.world.afterStep());
	real.step += 1;
	outcomes.forEach((outcome, i) => checkSend(model, real.world, resource, outcome, `${label} (execution ${i + 1})`));
	checkStore(model, real.world, label);
}

class SendCommand implements fc.AsyncCommand<Model, Real> {
	constructor(
		readonly resource: Resource,
		readonly picks: number[],
		readonly batchSize: number,
		readonly fault: SandboxFaultSpec | undefined,
	) {}
	check = () => true;
	async run(model: Model, real: Real): Promise<void> {
		await sendAndCheck(model, real, this.resource, [{ picks: this.picks, batchSize: this.batchSize }], this.fault, this.toString());
		model.lastSend = { resource: this.resource, picks: this.picks };
	}
	toString(): string {
		return `send(${this.resource}, [${this.picks.join(',')}], batch ${this.batchSize}${this.fault ? `, fault ${JSON.stringify(this.fault)}` : ''})`;
	}
}

class ConcurrentCommand implements fc.AsyncCommand<Model, Real> {
	constructor(
		readonly resource: Resource,
		readonly a: number[],
		readonly b: number[],
		readonly batchSize: number,
		readonly fault: SandboxFaultSpec | undefined,
	) {}
	check = () => true;
	async run(model: Model, real: Real): Promise<void> {
		const runs = [this.a, this.b].map((picks) => ({ picks, batchSize: this.batchSize }));
		await sendAndCheck(model, real, this.resource, runs, this.fault, this.toString());
	}
	toString(): string {
		return `concurrent(${this.resource}, [${this.a.join(',')}] | [${this.b.join(',')}], batch ${this.batchSize}${this.fault ? `, fault ${JSON.stringify(this.fault)}` : ''})`;
	}
}

/** The last send once more, without a fault: what a user does after a run stopped half-way. */
class RerunCommand implements fc.AsyncCommand<Model, Real> {
	check = (model: Readonly<Model>) => model.lastSend !== undefined;
	async run(model: Model, real: Real): Promise<void> {
		const last = model.lastSend as NonNullable<Model['lastSend']>;
		await sendAndCheck(model, real, last.resource, [{ picks: last.picks, batchSize: 2 }], undefined, this.toString());
	}
	toString(): string {
		return 'rerun()';
	}
}

/** The CRM renames an organisation (or renames it back); the next send carries the new name. */
class CrmRenameCommand implements fc.AsyncCommand<Model, Real> {
	constructor(readonly pick: number) {}
	check = () => true;
	async run(model: Model): Promise<void> {
		const org = ORGANISATIONS[this.pick % ORGANISATIONS.length];
		model.orgName.set(org.crmId, model.orgName.get(org.crmId) === org.name ? RENAMED(org.name) : org.name);
	}
	toString(): string {
		return `crmRename(${ORGANISATIONS[this.pick % ORGANISATIONS.length].crmId})`;
	}
}

/** One "Changed Since Last Run" Get of contacts, while another Xero user changes contacts between its page reads. */
export class ReadChangesCommand implements fc.AsyncCommand<Model, Real> {
	constructor(
		readonly pageSize: number,
		readonly mutations: PageMutation[],
		readonly fault: SandboxFaultSpec | undefined,
	) {}
	check = () => true;
	async run(model: Model, real: Real): Promise<void> {
		if (this.fault) real.world.inject(this.fault);
		const run = await real.world.readChanges(model.staticData, this.pageSize, this.mutations, CHANGE_QUERIES.slice(0, model.delivered.length), model.overlapSeconds).finally(() => real.world.afterStep());
		real.step += 1;
		checkChanges(model, run, this.toString());
		checkStore(model, real.world, this.toString());
	}
	toString(): string {
		return `readChanges(pageSize ${this.pageSize}, between pages ${JSON.stringify(this.mutations)}${this.fault ? `, fault ${JSON.stringify(this.fault)}` : ''})`;
	}
}

const mutationArb = (): fc.Arbitrary<PageMutation> => fc.record({
	beforePage: GENERATE.changesBetweenPages ? fc.integer({ min: 2, max: 3 }) : fc.constant(1),
	kind: fc.constantFrom('rename' as const, 'archive' as const, 'touch' as const),
	pick: fc.nat(9),
});

// Faults a healthy Get must ride out (all retried).
const readFaultArb: fc.Arbitrary<SandboxFaultSpec | undefined> = fc.option(
	fc.record({
		kind: fc.constantFrom('rate-limit-minute' as const, 'server-error' as const, 'offline' as const),
		count: fc.integer({ min: 1, max: 2 }),
		method: fc.constant('GET'),
		path: fc.constant('/Contacts'),
	}),
	{ freq: 3, nil: undefined },
);

/** The "Overlap (Seconds)" option of a history's Get (a user setting: the same on every run). */
export const overlaps = (): number[] => (GENERATE.shortOverlap ? [0, 300] : [300]);

export const modes = (): DuplicateHandling[] => (GENERATE.addSuffix ? ['skip', 'update', 'addSuffix'] : ['skip', 'update']);

export const queryCount = () => (GENERATE.twoQueriesPerGet ? CHANGE_QUERIES.length : 1);

export function commandArbs(): Array<fc.Arbitrary<fc.AsyncCommand<Model, Real>>> {
	const resource = fc.constantFrom<Resource>('organisation', 'invoice');
	const batch = fc.integer({ min: 1, max: 3 });
	const send = fc.tuple(resource, batch).chain(([r, b]) => fc.tuple(picksArb(r), faultArb(r)).map(([picks, fault]) => new SendCommand(r, picks, b, fault)));
	const arbs: Array<fc.Arbitrary<fc.AsyncCommand<Model, Real>>> = [
		// sends twice as often as the rest, so that several changes wait for each read
		send,
		send,
		fc.nat(ORGANISATIONS.length - 1).map((pick) => new CrmRenameCommand(pick)),
		fc
			.tuple(fc.constantFrom(1, 1, 2, 3), fc.array(mutationArb(), { maxLength: 3 }), readFaultArb)
			.map(([pageSize, mutations, fault]) => new ReadChangesCommand(pageSize, mutations, GENERATE.faults ? fault : undefined)),
	];
	if (GENERATE.concurrentSends) {
		arbs.push(
			fc.tuple(GENERATE.concurrentBills ? resource : fc.constant<Resource>('organisation'), batch).chain(([r, b]) =>
				fc.tuple(picksArb(r), picksArb(r), faultArb(r)).map(([a, c, fault]) => new ConcurrentCommand(r, a, c, b, fault)),
			),
		);
	}
	if (GENERATE.reruns) arbs.push(fc.constant(new RerunCommand()));
	return arbs;
}
