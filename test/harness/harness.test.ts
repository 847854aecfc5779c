import { chain, connect, manualTrigger, node, runWorkflow, testNodeTypes } from '.';

const items = [
	{ crmId: 'A1', fail: false },
	{ crmId: 'B2', fail: true },
	{ crmId: 'C3', fail: false },
];

function failWorkflow(onError?: 'continueErrorOutput' | 'continueRegularOutput' | 'stopWorkflow', throwError = false) {
	return chain(
		[manualTrigger(), node('Send', 'test.failItems', { onError, parameters: { throwError } }), node('After', 'test.failItems')],
		items,
	);
}

const options = { nodeTypes: testNodeTypes() };

describe('workflow test harness (n8n-core WorkflowExecute)', () => {
	it('routes a failed item to the error output with its sync-log entry merged over the input item', async () => {
		const workflow = connect(failWorkflow('continueErrorOutput'), 'Send', 1, 'Error Log');
		workflow.nodes.push(node('Error Log', 'test.failItems', { parameters: { passThrough: true } }));
		const run = await runWorkflow(workflow, options);

		expect(run.status).toBe('success');
		const [success, errors] = run.output('Send');
		expect(success.map((i) => i.json.crmId)).toEqual(['A1', 'C3']);
		expect(errors).toHaveLength(1);
		expect(errors[0].error).toBeUndefined();
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		expect(errors[0].json).toMatchObject({
			crmId: 'B2',
			fail: true,
			message: 'Invoice B2 was rejected',
			error: { result: 'Failed', crmId: 'B2', message: 'Invoice B2 was rejected', action: 'Send Invoice', app: 'Xero' },
		});
		expect(run.output('Error Log')[0].map((i) => (i.json.error as { crmId: string }).crmId)).toEqual(['B2']);
		expect(run.output('After')[0]).toHaveLength(2);
	});

	it('replaces the JSON of an item that has `error` set by { error: message } (n8n-core 2.8.1)', async () => {
		const workflow = failWorkflow('continueErrorOutput');
		workflow.nodes[1].parameters.failureShape = 'itemError';
		const run = await runWorkflow(workflow, options);

		const [success, errors] = run.output('Send');
		expect(success).toHaveLength(2);
		expect(errors).toHaveLength(1);
		expect(errors[0].error?.message).toBe('Invoice B2 was rejected');
		expect(errors[0].json).toEqual({ error: 'Invoice B2 was rejected' });
	});

	it('keeps a failed item on the main output under "Continue (regular output)"', async () => {
		const workflow = failWorkflow('continueRegularOutput');
		workflow.nodes[2].parameters = { passThrough: true };
		const run = await runWorkflow(workflow, options);

		expect(run.status).toBe('success');
		const outputs = run.output('Send');
		expect(outputs).toHaveLength(1);
		expect(outputs[0].map((i) => i.json.crmId ?? i.json.message)).toEqual(['A1', 'Invoice B2 was rejected', 'C3']);
		expect(outputs[0][1].json.error).toMatchObject({ result: 'Failed', crmId: 'B2' });
		expect(run.output('After')[0]).toHaveLength(3);
	});

	it('stops the workflow naming the failed record under "Stop workflow"', async () => {
		for (const onError of ['stopWorkflow', undefined] as const) {
			const run = await runWorkflow(failWorkflow(onError), options);

			expect(run.status).toBe('error');
			expect(run.error?.message).toBe('1 of 3 records failed:\n- Invoice B2 was rejected');
			expect(run.nodeError('Send')?.message).toBe(run.error?.message);
			expect(run.executionOrder).toEqual(['Start', 'Send']);
			expect(() => run.output('After')).toThrow('Node "After" has no run 0');
		}
	});

	it('lists every failure on its own line after the count under "Stop workflow" (issue 13)', async () => {
		const many = Array.from({ length: 23 }, (_, i) => ({ crmId: `X${i + 1}`, fail: i !== 0 }));
		const workflow = chain([manualTrigger(), node('Send', 'test.failItems', { onError: 'stopWorkflow' })], many);
		const run = await runWorkflow(workflow, options);
		const lines = String(run.error?.message).split('\n');
		expect(lines[0]).toBe('22 of 23 records failed:');
		expect(lines.slice(1, 3)).toEqual(['- Invoice X2 was rejected', '- Invoice X3 was rejected']);
		expect(lines).toHaveLength(1 + 20 + 1);
		expect(lines[21]).toBe('- … and 2 more');
	});

	it('passes the input items on when a node throws under a continue mode', async () => {
		const run = await runWorkflow(failWorkflow('continueRegularOutput', true), options);

		expect(run.nodeError('Send')?.message).toBe('Fail Items was told to throw');
		expect(run.output('Send')[0].map((i) => i.json)).toEqual(items);
		expect(run.executionOrder).toEqual(['Start', 'Send', 'After']);
		// n8n-core 2.8.1 still marks such an execution as failed: the node error is kept as the execution error.
		expect(run.status).toBe('error');
	});

	it('starts from the manual trigger in manual mode and from the pinned items in trigger mode', async () => {
		const workflow = chain([manualTrigger(), node('Send', 'test.failItems')]);
		const manual = await runWorkflow(workflow, { ...options, mode: 'manual' });
		const triggered = await runWorkflow(workflow, options);

		expect(manual.output('Send')[0].map((i) => i.json)).toEqual([{ passed: true }]);
		expect(triggered.output('Send')[0].map((i) => i.json)).toEqual([{ passed: true }]);
		await expect(runWorkflow({ nodes: [], connections: {} })).rejects.toThrow('exactly one trigger');
	});

	it('returns static data as n8n persists it: after trigger runs, not after manual runs', async () => {
		const workflow = chain([manualTrigger(), node('Count', 'test.failItems', { parameters: { staticKey: 'seen' } })], items);
		const first = await runWorkflow(workflow, options);
		const second = await runWorkflow(workflow, { ...options, staticData: first.staticData });
		const manual = await runWorkflow(workflow, { ...options, mode: 'manual', staticData: second.staticData });

		expect(first.staticData).toEqual({ 'node:Count': { seen: 3 } });
		expect(second.staticData).toEqual({ 'node:Count': { seen: 6 } });
		expect(manual.staticData).toEqual({ 'node:Count': { seen: 6 } });
	});

	it('names an unknown node type', async () => {
		const run = runWorkflow(chain([manualTrigger(), node('X', 'n8n-nodes-xero-crm.doesNotExist')]));
		await expect(run).rejects.toThrow('Unknown node type "n8n-nodes-xero-crm.doesNotExist"');
	});
});
