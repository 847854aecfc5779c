import type { Engine } from '../engine';
import { Errors } from '../errors';
import type { ModuleSpec } from '../schema/fieldSpecs';

export type Element = Record<string, unknown>;

// vtiger json_decodes the element; anything that is not a JSON object counts as an empty element.
export function parseElement(raw: unknown): Element {
	if (typeof raw !== 'string') return {};
	try {
		const parsed: unknown = JSON.parse(raw);
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Element) : {};
	} catch {
		return {};
	}
}

export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

// vtws_create/vtws_revise check every non-empty reference against the field's target modules first.
export function checkReferences(engine: Engine, spec: ModuleSpec, element: Element): void {
	for (const [name, value] of Object.entries(element)) {
		const field = spec.all.get(name);
		if (!field || field.kind !== 'reference' || isBlank(value)) continue;
		const match = /^(\d+)x(\d+)$/.exec(String(value));
		const module = match ? engine.registry.moduleOfWsId(Number(match[1])) : undefined;
		if (!module || !(field.refersTo ?? []).includes(module)) throw Errors.referenceInvalid(name);
	}
}

export function checkMandatory(spec: ModuleSpec, element: Element, only?: (name: string) => boolean): void {
	for (const field of spec.all.values()) {
		if (!field.mandatory || field.name === 'id') continue;
		if (only && !only(field.name)) continue;
		if (isBlank(element[field.name])) throw Errors.mandatoryMissing(field.name);
	}
}
