import type { LatencyModel } from '../sandbox/xero';

/**
 * The sandbox latency models the benchmark runs under (sandbox/xero/README.md "Latency"). Xero publishes no
 * response times: these are assumptions, chosen so a page of 1,000 invoices takes seconds, as issue 16 reports.
 */
export const LATENCIES: Array<{ name: string; model: LatencyModel }> = [
	{ name: 'default', model: { baseMs: 500, perRecordMs: 2.5 } },
	{ name: 'slow', model: { baseMs: 1000, perRecordMs: 6 } },
];

export function describeLatency(model: LatencyModel): string {
	return `${model.baseMs / 1000} s + ${model.perRecordMs} ms/record (1,000-record page ${((model.baseMs + 1000 * model.perRecordMs) / 1000).toFixed(1)} s)`;
}
