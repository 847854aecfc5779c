export interface LineItemRow {
	lineId: number;
	productCrmid: number;
	productModule: string;
	sequence: number;
	quantity: string;
	listprice: string;
	discount_percent: string;
	discount_amount: string;
	comment: string;
	description: string;
	incrementondel: string;
	tax1: string;
	tax2: string;
	tax3: string;
	image: string;
	purchase_cost: string;
	margin: string;
}

export interface StoredRecord {
	module: string;
	crmid: number;
	values: Record<string, string>;
	deleted: boolean;
	createdAt: number;
	modifiedAt: number;
	// crmentity.label: the raw label text written by the last save (a direct DB edit of the name leaves it, 36).
	label?: string;
	lineItems?: LineItemRow[];
	// vtiger_inventorychargesrel's Shipping & Handling value as the last line-item save wrote it (null: none).
	shippingCharge?: unknown;
	// Documents: the crmid of the attachment an upload created (vtiger_seattachmentsrel), shown as imageattachmentids.
	attachmentId?: number;
}

// vtiger_attachments: an uploaded file, with a crmid of its own from the shared sequence.
export interface Attachment {
	crmid: number;
	ownerCrmid: number;
	name: string;
	type: string;
	bytes: Buffer;
}

// One crmid sequence for every module (vtiger_crmentity_seq) and its own one for line items.
export class RecordStore {
	private nextCrmid = 2;
	private nextLineId = 1;
	private readonly numbers = new Map<string, number>();
	readonly records = new Map<number, StoredRecord>();
	readonly attachments = new Map<number, Attachment>();
	// Related-list rows (vtiger_senotesrel, vtiger_crmentityrel): [source crmid, related crmid], in insert order.
	readonly relations: Array<[number, number]> = [];

	allocateCrmid(): number {
		return this.nextCrmid++;
	}

	allocateLineId(): number {
		return this.nextLineId++;
	}

	nextRecordNumber(module: string): number {
		const n = this.peekRecordNumber(module);
		this.commitRecordNumber(module, n);
		return n;
	}

	// setModuleSeqNumber("increment") reads cur_id, then runs "UPDATE … SET cur_id = next WHERE cur_id = read":
	// two saves that read the same cur_id both use that number, and the counter moves on once (37).
	peekRecordNumber(module: string): number {
		return (this.numbers.get(module) ?? 0) + 1;
	}

	commitRecordNumber(module: string, used: number): void {
		if ((this.numbers.get(module) ?? 0) === used - 1) this.numbers.set(module, used);
	}

	// Moves the sequences past records created outside the recording (the second instance's database is not fresh).
	skipTo(nextCrmid: number): void {
		this.nextCrmid = Math.max(this.nextCrmid, nextCrmid);
	}

	skipLineTo(nextLineId: number): void {
		this.nextLineId = Math.max(this.nextLineId, nextLineId);
	}

	skipRecordNumber(module: string, lastUsed: number): void {
		this.numbers.set(module, Math.max(this.numbers.get(module) ?? 0, lastUsed));
	}

	get(crmid: number): StoredRecord | undefined {
		return this.records.get(crmid);
	}

	live(module: string): StoredRecord[] {
		return [...this.records.values()].filter((r) => r.module === module && !r.deleted);
	}

	ofModule(module: string): StoredRecord[] {
		return [...this.records.values()].filter((r) => r.module === module);
	}

	counters() {
		return { nextCrmid: this.nextCrmid, nextLineItemId: this.nextLineId, recordNumbers: Object.fromEntries(this.numbers) };
	}
}
