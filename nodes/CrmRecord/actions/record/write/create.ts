import type { DescribeResult } from '../../../transport';
import type { WriteRun } from './run';
import type { WriteInput } from './types';

export async function createRecords(run: WriteRun, inputs: WriteInput[], describe: DescribeResult, userId: string) {
	for (const write of await run.prepare(inputs, describe, userId, () => 'create')) await run.create(write, describe);
}
