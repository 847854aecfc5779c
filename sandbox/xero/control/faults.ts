export type FaultKind =
	| 'rate-limit-minute'
	| 'rate-limit-day'
	| 'rate-limit-concurrent'
	| 'offline'
	| 'server-error'
	| 'reset-after-commit';

export const FAULT_KINDS: FaultKind[] = [
	'rate-limit-minute',
	'rate-limit-day',
	'rate-limit-concurrent',
	'offline',
	'server-error',
	'reset-after-commit',
];

export interface FaultSpec {
	kind: FaultKind;
	/** how many matching calls it hits; default 1 */
	count?: number;
	/** only calls with this method (reset-after-commit defaults to writes: PUT, POST, DELETE) */
	method?: string;
	/** only calls whose accounting path starts with this, e.g. "/Invoices" */
	path?: string;
	/** only calls for this tenant */
	tenantId?: string;
	/** only list calls asking for this page (`page=N`), so a test can fail page N of a read made in parallel */
	page?: number;
}

interface ArmedFault extends Required<Pick<FaultSpec, 'kind'>> {
	remaining: number;
	method?: string;
	path?: string;
	tenantId?: string;
	page?: number;
}

const WRITES = ['PUT', 'POST', 'DELETE'];

/** Faults armed by tests; each call takes the first matching one, in the order they were armed. */
export class FaultInjector {
	private armed: ArmedFault[] = [];
	readonly fired: Record<FaultKind, number> = {
		'rate-limit-minute': 0,
		'rate-limit-day': 0,
		'rate-limit-concurrent': 0,
		offline: 0,
		'server-error': 0,
		'reset-after-commit': 0,
	};

	arm(spec: FaultSpec): void {
		if (!FAULT_KINDS.includes(spec.kind)) throw new Error(`unknown fault kind ${String(spec.kind)}`);
		const count = spec.count ?? 1;
		if (!(count > 0)) throw new Error('fault count must be > 0');
		this.armed.push({
			kind: spec.kind,
			remaining: count,
			method: spec.method?.toUpperCase(),
			path: spec.path,
			tenantId: spec.tenantId,
			page: spec.page,
		});
	}

	/** the fault for this call, if any; reset-after-commit is only taken by writes */
	take(method: string, path: string, tenantId: string, phase: 'before' | 'after-commit', page?: number): FaultKind | undefined {
		const index = this.armed.findIndex((fault) => {
			const isReset = fault.kind === 'reset-after-commit';
			if ((phase === 'after-commit') !== isReset) return false;
			if (fault.method ? fault.method !== method : isReset && !WRITES.includes(method)) return false;
			if (fault.path && !path.toLowerCase().startsWith(fault.path.toLowerCase())) return false;
			if (fault.tenantId && fault.tenantId !== tenantId) return false;
			if (fault.page !== undefined && fault.page !== page) return false;
			return true;
		});
		if (index < 0) return undefined;
		const fault = this.armed[index];
		fault.remaining--;
		if (fault.remaining <= 0) this.armed.splice(index, 1);
		this.fired[fault.kind]++;
		return fault.kind;
	}

	pending(): Array<{ kind: FaultKind; remaining: number }> {
		return this.armed.map((fault) => ({ kind: fault.kind, remaining: fault.remaining }));
	}

	clear(): void {
		this.armed = [];
	}
}
