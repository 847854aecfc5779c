import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedItem } from '../../../shared/syncLog';
import { normaliseXeroRecord } from '../../../shared/xero/normalise';
import type { XeroResourceSpec } from '../../../shared/xero/resources';
import { readCrmId } from '../../helpers/crmId';
import { quoteBadValues } from '../../helpers/badValues';
import { displayValue } from '../../helpers/display';
import type { ErrorFacts } from '../../helpers/errorFacts';

export interface Entry {
	index: number;
	crmId?: string;
	payload: IDataObject;
}

export type SyncResult = 'Created' | 'Updated' | 'Skipped';

export interface Failure {
	message: string;
	code: string;
	xeroId?: string;
}

/** One output slot per input item; a slot is filled exactly once, with the Xero record or a sync-log failure. */
export class SendRun {
	readonly results: Array<INodeExecutionData | undefined>;
	private halted?: ErrorFacts;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly spec: XeroResourceSpec,
		private readonly items: INodeExecutionData[],
	) {
		this.results = new Array(items.length);
	}

	name(payload: IDataObject, crmId?: string): string {
		// The name a person knows the record by comes first: an organisation's ContactNumber is only its CRM id.
		const name = this.spec.nameField ? payload[this.spec.nameField] : undefined;
		const key = name !== undefined && name !== '' ? name : payload[this.spec.numberField];
		// The CRM id is the log entry's crmId; it is named here only when the record has no name or number to go by.
		if (key !== undefined && key !== '') return `${this.spec.label} "${displayValue(key)}"`;
		return crmId ? `${this.spec.label} (CRM ${crmId})` : this.spec.label;
	}

	fail(index: number, failure: Failure, payload: IDataObject = {}): void {
		const crmId = readCrmId(this.items[index].json);
		const xeroId = failure.xeroId ?? (payload[this.spec.idField] as string | undefined);
		this.results[index] = failedItem(
			this.ctx.getNode(),
			{
				app: 'Xero',
				action: `Send ${this.spec.label}`,
				flow: 'CRM → Xero',
				crmId,
				xeroId,
				message: `${this.name(payload, crmId)}: ${quoteBadValues(failure.message, payload)}`,
				code: failure.code,
			},
			index,
		);
	}

	succeed(entry: Entry, record: IDataObject, result: SyncResult): void {
		const json: IDataObject = { ...normaliseXeroRecord(record), syncResult: result };
		if (entry.crmId !== undefined) json.crmId = entry.crmId;
		this.results[entry.index] = { json, pairedItem: { item: entry.index } };
	}

	settled(entry: Entry): boolean {
		return this.results[entry.index] !== undefined;
	}

	halt(facts: ErrorFacts): void {
		this.halted ??= facts;
	}

	get haltedBy(): ErrorFacts | undefined {
		return this.halted;
	}
}
