import type { INodeExecutionData } from 'n8n-workflow';

export interface Routing {
	/** input index → where it came out */
	where: Array<'main' | 'error' | undefined>;
	/** input indexes with no output item */
	lost: number[];
	/** input indexes with more than one output item */
	repeated: number[];
	/** output items without a usable pairedItem */
	unpaired: number;
}

function pairedIndex(item: INodeExecutionData): number | undefined {
	const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
	if (typeof paired === 'number') return paired;
	return paired?.item;
}

/** "Every input item is in exactly one output", counted through pairedItem as n8n's UI and error routing do. */
export function routing(main: INodeExecutionData[], errors: INodeExecutionData[], inputCount: number): Routing {
	const where: Routing['where'] = new Array(inputCount).fill(undefined);
	const seen = new Array<number>(inputCount).fill(0);
	let unpaired = 0;
	for (const [output, items] of [
		['main', main],
		['error', errors],
	] as const) {
		for (const item of items) {
			const index = pairedIndex(item);
			if (index === undefined || index < 0 || index >= inputCount) {
				unpaired++;
				continue;
			}
			seen[index]++;
			where[index] = output;
		}
	}
	return {
		where,
		lost: seen.flatMap((count, index) => (count === 0 ? [index] : [])),
		repeated: seen.flatMap((count, index) => (count > 1 ? [index] : [])),
		unpaired,
	};
}

/**
 * The message a user sees on a failed item, in each shape a failed item has had: the sync-log entry under `error`
 * (the package's shape, which survives n8n 2.8's error routing), the entry itself as json, or n8n's own
 * `{ error: message }` (what WorkflowExecute leaves of an item that has `error` set).
 */
export function messageOf(item: INodeExecutionData): string {
	const json = item.json as Record<string, unknown>;
	const entry = json.error as Record<string, unknown> | undefined;
	if (entry && typeof entry === 'object' && typeof entry.message === 'string') return entry.message;
	if (typeof json.message === 'string' && json.result === 'Failed') return json.message;
	if (typeof json.error === 'string') return json.error;
	return item.error?.message ?? '';
}

export function isFailed(item: INodeExecutionData): boolean {
	const json = item.json as Record<string, unknown>;
	const entry = json.error as Record<string, unknown> | undefined;
	return item.error !== undefined || json.result === 'Failed' || (typeof entry === 'object' && entry?.result === 'Failed');
}

const GENERIC = /^(error|an? (unknown )?error( occurred)?|unknown error|internal (server )?error|failed|something went wrong)\.?$/i;
// "[object Object]" in a record's label (a non-text name echoed back) is ugly but still says what is wrong; reported, not failed.
const CRASH_TEXT = /Cannot read propert|is not a function|is not iterable|Unexpected token|Maximum call stack|ECONNREFUSED 127|at [\w.]+ \(/;

/** Why a message would not help a user, or undefined when it is specific. */
export function unhelpful(message: string): string | undefined {
	if (message.trim().length < 20) return 'too short to say what is wrong';
	if (GENERIC.test(message.trim())) return 'generic';
	const crash = CRASH_TEXT.exec(message);
	if (crash) return `reads like a crash (${crash[0]})`;
	return undefined;
}

/** Says what to do: an instruction, not just a noun like "record" or "contact". */
export const ADVICE =
	/\b(check|try (it )?again|retry|re-?run|run (it |the workflow |the sync )?again|again later|wait|reconnect|sign in again|re-?authori[sz]e|fix|enable|choose|change|map (a|the)|set (a|the)|use (upsert|a|the)|merge|record the payment|make sure|ask (your|the)|contact (your|xero|the)|(will be|is) (retried|sent) (on|by|in|with) )/i;
