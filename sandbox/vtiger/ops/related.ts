import type { Engine } from '../engine';
import { Errors } from '../errors';
import { phpDateTime } from '../php';
import { RELATED_LISTS } from '../schema/relatedLists';
import { runQuery } from '../vtql/execute';

type Params = Record<string, string | undefined>;

// vtws_relatedtypes: the module's related lists; information is keyed by label, so a module listed twice
// (Calendar: "Activities" and "Activity History") appears twice in types.
export function relatedTypes(engine: Engine, params: Params) {
	const module = params.elementType ?? '';
	if (!engine.registry.exists(module)) throw Errors.deniedForName(module);
	const lists = RELATED_LISTS[module] ?? [];
	const information = Object.fromEntries(lists.map(([name, label]) => [label, { name, label, isEntity: '1' }]));
	return { types: lists.map(([name]) => name), information: lists.length ? information : [] };
}

function crmidOf(engine: Engine, id: string | undefined): { module?: string; crmid: number } | undefined {
	const match = /^(\d+)x(\d+)$/.exec(id ?? '');
	return match ? { module: engine.registry.moduleOfWsId(Number(match[1])), crmid: Number(match[2]) } : undefined;
}

/**
 * vtws_add_related: the relation is looked up by the two modules (and the label when one is given); its row is
 * written without checking that the related record exists, so a missing id still answers "successfull" (34).
 * Relating touches the source record's modifiedtime.
 */
export function addRelated(engine: Engine, params: Params) {
	const source = crmidOf(engine, params.sourceRecordId);
	const sourceRecord = source && engine.store.get(source.crmid);
	// "Source record … is deleted" is a plain Exception, which webservice.php reports as an internal error.
	if (!source || !sourceRecord || sourceRecord.deleted) throw Errors.internal();
	const related = crmidOf(engine, params.relatedRecordId);
	if (!related?.module) throw Errors.internal();
	const label = params.relationIdLabel && !/^\d+$/.test(params.relationIdLabel) ? params.relationIdLabel : undefined;
	const relation = (RELATED_LISTS[sourceRecord.module] ?? []).find(([module, l]) => module === related.module && (!label || l === label));
	if (relation && !engine.store.relations.some(([a, b]) => a === source.crmid && b === related.crmid)) {
		engine.store.relations.push([source.crmid, related.crmid]);
		const now = engine.clock.now();
		sourceRecord.modifiedAt = now;
		sourceRecord.values.modifiedtime = phpDateTime(now);
	}
	return { message: 'successfull' };
}

// The live records of a module related to crmid, from either side of the relation rows.
function relatedIds(engine: Engine, crmid: number, module: string): string[] {
	const partners = engine.store.relations.flatMap(([a, b]) => (a === crmid ? [b] : b === crmid ? [a] : []));
	return [...new Set(partners)]
		.filter((id) => {
			const record = engine.store.get(id);
			return !!record && !record.deleted && record.module === module;
		})
		.map((id) => `${engine.wsIdOf(module)}x${id}`);
}

/**
 * vtws_query_related: the module is what /FROM\s+([^\s]+)/ captures (so "Documents;" is no module), it must be a
 * related list of the record under relatedLabel, and the query is rewritten with "id IN (…)" spliced in at the
 * first "WHERE" and a ";" appended before it goes to vtws_query (so a query that ends in ";" ends in ";;").
 */
export function queryRelated(engine: Engine, params: Params) {
	const query = params.query ?? '';
	const source = engine.resolve(params.id);
	if (source.kind !== 'entity') throw Errors.unknownRelation();
	const relatedType = /FROM\s+([^\s]+)/i.exec(query)?.[1].trim();
	const found = (RELATED_LISTS[source.module] ?? []).some(([module, label]) => label === params.relatedLabel && module === relatedType);
	if (!found || !relatedType) throw Errors.unknownRelation();
	const ids = relatedIds(engine, source.record.crmid, relatedType);
	if (!ids.length) return [];
	const clause = `id IN ('${ids.join("','")}')`;
	let rewritten: string;
	if (!/WHERE/i.test(query) || /^WHERE/i.test(query)) rewritten = `${query} WHERE ${clause}`;
	else {
		const parts = query.split('WHERE');
		rewritten = `${parts[0]} WHERE ${clause} AND ${parts[1] ?? ''}`;
	}
	return runQuery(engine, `${rewritten};`);
}

export const retrieveRelated = (engine: Engine, params: Params) =>
	queryRelated(engine, { id: params.id, relatedLabel: params.relatedLabel, query: `SELECT * FROM ${params.relatedType ?? ''}` });
