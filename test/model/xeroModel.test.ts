import fc from 'fast-check';
import { commandArbs, modes, overlaps, queryCount, ReadChangesCommand } from './xeroCommands';
import type { Real } from './xeroCommands';
import { checkEveryChangeDelivered, initialModel } from './xeroModel';
import { XeroWorld } from './xeroWorld';

/**
 * Model-based checker of Xero Sync's promise (issue 11): random histories of sends whose keys collide, concurrent
 * executions, re-runs after faults, CRM renames and Xero-side changes between page reads, each step a real
 * workflow execution against the Xero sandbox, checked after every step against what Xero should hold.
 *
 *   MODEL_SEED=<n>          replay one run (the seed is printed); MODEL_SEED=random for a fresh one
 *   MODEL_HISTORIES=<n>     histories per run (default 20)
 *   MODEL_STEPS=<n>         at most this many steps per history (default 12)
 *   MODEL_ON=a,b / MODEL_OFF=c  switch generators (GENERATE in xeroCommands.ts names each and why it is off)
 *   MODEL_SHRINK=1          on a failure, shrink to a minimal history (slow: every try is real executions)
 */
const SEED = process.env.MODEL_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.MODEL_SEED ?? 20261204);
const HISTORIES = Number(process.env.MODEL_HISTORIES ?? 20);
const STEPS = Number(process.env.MODEL_STEPS ?? 12);
const SHRINK = process.env.MODEL_SHRINK === '1';

jest.setTimeout(Number(process.env.MODEL_TIMEOUT_MS ?? 600_000));

let world: XeroWorld;
beforeAll(async () => {
	world = await XeroWorld.start();
});
afterAll(() => world.close());

test('every record exactly once, to its own counterpart, over random histories', async () => {
	let histories = 0;
	let steps = 0;
	const started = Date.now();
	try {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...modes()),
				fc.constantFrom(...overlaps()),
				fc.commands(commandArbs(), { maxCommands: STEPS }),
				async (mode, overlap, commands) => {
					world.reset();
					histories += 1;
					const model = initialModel(mode, queryCount(), overlap);
					const real: Real = { world, step: 0 };
					try {
						await fc.asyncModelRun(() => ({ model, real }), commands);
						// Quiet time: two more runs with nothing changing, then every change must have arrived.
						for (let i = 0; i < 2; i++) await new ReadChangesCommand(2, [], undefined).run(model, real);
						await checkEveryChangeDelivered(model, world, 'after the history');
					} finally {
						steps += real.step;
					}
				},
			),
			{ seed: SEED, numRuns: HISTORIES, endOnFailure: !SHRINK, verbose: 1 },
		);
	} finally {
		console.log(
			`Xero model checker: seed ${SEED}, ${histories} histories, ${steps} steps (executions), ${((Date.now() - started) / 1000).toFixed(1)} s. Replay: MODEL_SEED=${SEED}`,
		);
	}
});
