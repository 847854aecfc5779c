import type { SandboxUser } from '../auth/sessions';
import type { Engine } from '../engine';
import { runQuery } from '../vtql/execute';
import { getChallenge, login, logout } from './auth';
import { create, describe, listTypes, remove, retrieve, revise, update } from './records';
import { sync } from './sync';
import { filesRetrieve } from './documents';
import { addRelated, queryRelated, relatedTypes, retrieveRelated } from './related';
import type { UploadedFile } from '../http/form';

type Params = Record<string, string | undefined>;

export interface OperationDef {
	// vtiger reads an operation's parameters from $_GET or $_POST according to this type.
	type: 'GET' | 'POST';
	preLogin?: boolean;
	// The webservice parameter names (vtiger_ws_operation_parameters) and the PHP handler's argument names.
	// Stock OperationManager::runOperation passes the parameters with their names as array keys (plus "user"
	// after login); PHP 8 takes string keys as named arguments, so a name the handler does not have is a fatal
	// "Unknown named parameter" (transcript 38). Only login is special-cased upstream.
	params: string[];
	handlerArgs: string[];
	run(engine: Engine, params: Params, user: SandboxUser | undefined, files: UploadedFile[]): unknown | Promise<unknown>;
}

// Whether stock 7.5.0's runOperation dies on PHP 8 for this operation (the array_values patch fixes it).
export function failsWithoutOperationManagerPatch(operation: OperationDef): boolean {
	if (operation.preLogin) return false;
	return [...operation.params, 'user'].some((name) => !operation.handlerArgs.includes(name));
}

export const OPERATIONS: Record<string, OperationDef> = {
	getchallenge: { type: 'GET', preLogin: true, params: ['username'], handlerArgs: ['username'], run: (e, p) => getChallenge(e, p) },
	login: { type: 'POST', preLogin: true, params: ['username', 'accessKey'], handlerArgs: ['username', 'pwd'], run: (e, p) => login(e, p) },
	logout: { type: 'POST', params: ['sessionName'], handlerArgs: ['sessionId', 'user'], run: (e, p) => logout(e, p) },
	listtypes: { type: 'GET', params: ['fieldTypeList'], handlerArgs: ['fieldTypeList', 'user'], run: (e, p) => listTypes(e, p) },
	describe: { type: 'GET', params: ['elementType'], handlerArgs: ['elementType', 'user'], run: (e, p) => describe(e, p) },
	create: { type: 'POST', params: ['elementType', 'element'], handlerArgs: ['elementType', 'element', 'user'], run: (e, p, u, f) => create(e, p, u as SandboxUser, f) },
	retrieve: { type: 'GET', params: ['id'], handlerArgs: ['id', 'user'], run: (e, p) => retrieve(e, p) },
	retrieve_inventory: { type: 'GET', params: ['id'], handlerArgs: ['id'], run: (e, p) => retrieve(e, p) },
	revise: { type: 'POST', params: ['element'], handlerArgs: ['element', 'user'], run: (e, p, u, f) => revise(e, p, u as SandboxUser, f) },
	update: { type: 'POST', params: ['element'], handlerArgs: ['element', 'user'], run: (e, p, u, f) => update(e, p, u as SandboxUser, f) },
	delete: { type: 'POST', params: ['id'], handlerArgs: ['id', 'user'], run: (e, p) => remove(e, p) },
	query: { type: 'GET', params: ['query'], handlerArgs: ['q', 'user'], run: (e, p) => runQuery(e, p.query) },
	// The operations of vtiger_ws_operation that 34 uses (files_retrieve's handler argument is $file_id).
	files_retrieve: { type: 'GET', params: ['id'], handlerArgs: ['file_id', 'user'], run: (e, p) => filesRetrieve(e, p) },
	relatedtypes: { type: 'GET', params: ['elementType'], handlerArgs: ['elementType', 'user'], run: (e, p) => relatedTypes(e, p) },
	retrieve_related: {
		type: 'GET',
		params: ['id', 'relatedType', 'relatedLabel'],
		handlerArgs: ['id', 'relatedType', 'relatedLabel', 'user'],
		run: (e, p) => retrieveRelated(e, p),
	},
	query_related: { type: 'GET', params: ['query', 'id', 'relatedLabel'], handlerArgs: ['query', 'id', 'relatedLabel', 'user'], run: (e, p) => queryRelated(e, p) },
	add_related: {
		type: 'POST',
		params: ['sourceRecordId', 'relatedRecordId', 'relationIdLabel'],
		handlerArgs: ['sourceRecordId', 'relatedRecordId', 'relationIdLabel', 'user'],
		run: (e, p) => addRelated(e, p),
	},
	sync: { type: 'GET', params: ['modifiedTime', 'elementType'], handlerArgs: ['mtime', 'elementType', 'syncType', 'user'], run: (e, p) => sync(e, p) },
};
