import type { IDataObject, INodeExecutionData, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { safeMessage } from '../../shared/syncLog';
import { windowStartMs } from '../../shared/xero/changeCursor';
import { eventItem } from '../../shared/xero/eventItem';
import type { ScopeState } from '../helpers/scope';
import { processScope, scopeToPoll } from '../helpers/scope';
import { fetchChanges, fetchLatest } from './fetchChanges';
import type { PollSettings } from './settings';
import type { PollTarget } from './tenants';

interface ScopeOutcome {
	target: PollTarget;
	items: INodeExecutionData[];
	next?: ScopeState;
	error?: Error;
}

/**
 * One poll of every target. A target's cursor moves only when its query succeeded, so a failed target is asked
 * again from the same point next time; the targets that succeeded are delivered and keep their new cursor. The
 * poll fails (and n8n reports it) only when nothing could be delivered.
 */
export async function pollChanges(
	ctx: IPollFunctions,
	settings: PollSettings,
	targets: PollTarget[],
): Promise<INodeExecutionData[][] | null> {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = (staticData.scopes ?? {}) as IDataObject;
	const nowMs = Date.now();
	const outcomes: ScopeOutcome[] = [];
	for (const target of targets) {
		const state = scopeToPoll(stored[target.scopeKey], settings.backfillFrom, nowMs);
		try {
			const { records, holdMs } = await fetchChanges(
				ctx,
				settings.credentialType,
				target.tenantId,
				settings.spec,
				windowStartMs(state.cursor),
			);
			const result = processScope(state, settings.spec, settings.filter, records, holdMs);
			const items = result.triggered.map((triggered) =>
				eventItem(triggered.record, {
					source: 'poll',
					resource: settings.spec.resource,
					tenantId: target.tenantId ?? null,
					tenantName: target.tenantName,
					change: triggered.change.kind,
					status: triggered.status === '' ? null : triggered.status,
					previousStatus: triggered.change.previousStatus,
					statusChanged: settings.spec.changes?.watchesStatus === true ? triggered.change.statusChanged : false,
				}),
			);
			outcomes.push({ target, items, next: result.next });
		} catch (error) {
			outcomes.push({ target, items: [], error: error as Error });
		}
	}

	// Scopes of another resource belong to an earlier configuration; keeping them would only grow the workflow row.
	const scopes: IDataObject = {};
	for (const [key, value] of Object.entries(stored)) {
		if (key.endsWith(`|${settings.spec.resource}`)) scopes[key] = value;
	}
	for (const outcome of outcomes) {
		if (outcome.next !== undefined) scopes[outcome.target.scopeKey] = outcome.next as unknown as IDataObject;
	}
	staticData.scopes = scopes;

	const items = outcomes.flatMap((outcome) => outcome.items);
	const failures = outcomes.filter((outcome) => outcome.error !== undefined);
	if (failures.length > 0 && items.length === 0) throw pollError(ctx, failures);
	for (const failure of failures) {
		ctx.logger.warn(`Xero Trigger: ${describe(failure)}; its changes will be delivered by a later poll`);
	}
	return items.length > 0 ? [items] : null;
}

/** A manual test run: the latest record that matches, from the first organisation that has one. */
export async function sampleChange(
	ctx: IPollFunctions,
	settings: PollSettings,
	targets: PollTarget[],
): Promise<INodeExecutionData[][] | null> {
	for (const target of targets) {
		const record = await fetchLatest(
			ctx,
			settings.credentialType,
			target.tenantId,
			settings.spec,
			settings.filter.becameStatuses,
		);
		if (record !== undefined) {
			return [
				[
					eventItem(record, {
						source: 'sample',
						resource: settings.spec.resource,
						tenantId: target.tenantId ?? null,
						tenantName: target.tenantName,
					}),
				],
			];
		}
	}
	return null;
}

function describe(outcome: ScopeOutcome): string {
	const where = outcome.target.tenantName ?? outcome.target.tenantId ?? 'the Custom Connection organisation';
	return `polling ${where} failed: ${safeMessage(outcome.error?.message ?? 'unknown error')}`;
}

function pollError(ctx: IPollFunctions, failures: ScopeOutcome[]): Error {
	const first = failures[0].error as Error;
	const message =
		failures.length === 1
			? `Xero Trigger: ${describe(failures[0])}`
			: `Xero Trigger: ${failures.map(describe).join('; ')}`;
	if (first instanceof NodeApiError || first instanceof NodeOperationError) {
		first.message = message;
		return first;
	}
	return new NodeApiError(ctx.getNode(), { message: safeMessage(first.message) } as JsonObject, {
		message,
		description: 'The cursor did not move: the next poll asks Xero for the same changes again.',
	});
}
