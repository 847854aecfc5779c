import type { SandboxUser } from '../auth/sessions';
import type { CreateStep, Engine } from '../engine';
import { Errors } from '../errors';
import { createShape, retrieveShape, reviseInventoryShape, reviseLinesShape, updateLinesShape } from '../store/shapes';
import type { UploadedFile } from '../http/form';
import { parseElement } from './element';
import { checkDuplicatesOf, insertCreatedInSteps, modifyRecord, prepareCreate } from './save';

type Params = Record<string, string | undefined>;

function entityModule(engine: Engine, elementType: string | undefined): string {
	const module = elementType ?? '';
	if (!engine.registry.exists(module) || !engine.registry.isEntity(module) || module === 'Users')
		throw Errors.deniedForName(module);
	return module;
}

export async function create(engine: Engine, params: Params, user: SandboxUser, files: UploadedFile[] = []) {
	const module = entityModule(engine, params.elementType);
	const pending = prepareCreate(engine, module, parseElement(params.element));
	const step = (name: CreateStep) => engine.createStep(name, params.sessionName);
	await step('check');
	checkDuplicatesOf(engine, pending);
	await engine.betweenCheckAndInsert();
	return createShape(engine, await insertCreatedInSteps(engine, pending, user.wsId, files, step), pending.request);
}

export function retrieve(engine: Engine, params: Params) {
	const resolved = engine.resolve(params.id);
	if (resolved.kind === 'user') return { ...resolved.user };
	if (resolved.kind === 'currency') return { ...resolved.row };
	return retrieveShape(engine, resolved.record);
}

function modify(engine: Engine, params: Params, user: SandboxUser, mode: 'revise' | 'update', files: UploadedFile[]) {
	const element = parseElement(params.element);
	const resolved = engine.resolve(element.id);
	if (resolved.kind !== 'entity') throw Errors.accessDenied();
	const saved = modifyRecord(engine, resolved.record, element, user.wsId, mode, files);
	if (saved.request && saved.linesSaved) {
		if (mode === 'update') return updateLinesShape(engine, resolved.record, saved.request, saved.shownBalance);
		return reviseLinesShape(engine, resolved.record, saved.request, Object.keys(element));
	}
	// An inventory update without LineItems is handed to revise, and answers like one.
	if (saved.request) return reviseInventoryShape(engine, resolved.record, Object.keys(element));
	return retrieveShape(engine, resolved.record);
}

export const revise = (engine: Engine, params: Params, user: SandboxUser, files: UploadedFile[] = []) => modify(engine, params, user, 'revise', files);
export const update = (engine: Engine, params: Params, user: SandboxUser, files: UploadedFile[] = []) => modify(engine, params, user, 'update', files);

export function remove(engine: Engine, params: Params) {
	const resolved = engine.resolve(params.id);
	if (resolved.kind !== 'entity') throw Errors.accessDenied();
	const record = resolved.record;
	record.deleted = true;
	// Deleting touches modifiedtime; that is how sync finds the record for its "deleted" list.
	record.modifiedAt = engine.clock.now();
	return { status: 'successful' };
}

export function describe(engine: Engine, params: Params) {
	const module = params.elementType ?? '';
	if (!engine.registry.exists(module)) throw Errors.deniedForName(module);
	return engine.registry.describe(module);
}

export function listTypes(engine: Engine, params: Params) {
	let fieldTypes: string[] | undefined;
	if (params.fieldTypeList) {
		try {
			const parsed: unknown = JSON.parse(params.fieldTypeList);
			fieldTypes = Array.isArray(parsed) ? parsed.map(String) : [String(parsed)];
		} catch {
			fieldTypes = [params.fieldTypeList];
		}
	}
	return engine.registry.listTypes(fieldTypes);
}
