import type { Engine } from '../engine';
import { Errors, FatalError } from '../errors';
import { syncRowShape } from '../store/shapes';

// vtws_sync's probe reads at most 100 modifiedtimes; everything up to the last of those seconds is returned.
export const SYNC_PROBE_LIMIT = 100;

type Params = Record<string, string | undefined>;

export function sync(engine: Engine, params: Params) {
	// Stock 7.5.0 calls vtws_sync with 3 of its 4 required arguments: ArgumentCountError on PHP >= 7.1.
	if (!engine.settings.syncPatched) throw new FatalError('vtws_sync ArgumentCountError');
	// vtws_getParameter treats "0" as empty, and date() then gets '' (TypeError on PHP 8).
	const raw = params.modifiedTime;
	if (!raw || raw === '0' || !/^\d+$/.test(raw)) throw new FatalError('date(): Argument #2 must be of type ?int');
	const module = params.elementType;
	// Untyped sync also walks Emails, whose query references a column that does not exist.
	if (!module) throw new FatalError("Unknown column 'vtiger_crmentity_user_field.starred'");
	if (!engine.registry.exists(module)) throw Errors.deniedForName(module);
	if (!engine.registry.isEntity(module)) throw Errors.accessDenied();
	const since = Number(raw);
	const changed = engine.store
		.ofModule(module)
		.filter((r) => r.modifiedAt > since)
		.sort((a, b) => a.modifiedAt - b.modifiedAt || a.crmid - b.crmid);
	const probe = changed.slice(0, SYNC_PROBE_LIMIT);
	const boundary = probe.length ? probe[probe.length - 1].modifiedAt : since;
	const page = changed.filter((r) => r.modifiedAt <= boundary);
	return {
		updated: page.filter((r) => !r.deleted).map((r) => syncRowShape(engine, r)),
		deleted: page.filter((r) => r.deleted).map((r) => engine.idOf(r)),
		more: changed.some((r) => r.modifiedAt > boundary),
		lastModifiedTime: boundary,
	};
}
