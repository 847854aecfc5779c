import type { SandboxUser } from '../auth/sessions';
import type { Engine } from '../engine';
import { runQuery } from '../vtql/execute';
import { getChallenge, login, logout } from './auth';
import { create, describe, listTypes, remove, retrieve, revise, update } from './records';
import { sync } from './sync';

type Params = Record<string, string | undefined>;

export interface OperationDef {
	// vtiger reads an operation's parameters from $_GET or $_POST according to this type.
	type: 'GET' | 'POST';
	preLogin?: boolean;
	run(engine: Engine, params: Params, user: SandboxUser | undefined): unknown | Promise<unknown>;
}

export const OPERATIONS: Record<string, OperationDef> = {
	getchallenge: { type: 'GET', preLogin: true, run: (e, p) => getChallenge(e, p) },
	login: { type: 'POST', preLogin: true, run: (e, p) => login(e, p) },
	logout: { type: 'POST', run: (e, p) => logout(e, p) },
	listtypes: { type: 'GET', run: (e, p) => listTypes(e, p) },
	describe: { type: 'GET', run: (e, p) => describe(e, p) },
	create: { type: 'POST', run: (e, p, u) => create(e, p, u as SandboxUser) },
	retrieve: { type: 'GET', run: (e, p) => retrieve(e, p) },
	retrieve_inventory: { type: 'GET', run: (e, p) => retrieve(e, p) },
	revise: { type: 'POST', run: (e, p, u) => revise(e, p, u as SandboxUser) },
	update: { type: 'POST', run: (e, p, u) => update(e, p, u as SandboxUser) },
	delete: { type: 'POST', run: (e, p) => remove(e, p) },
	query: { type: 'GET', run: (e, p) => runQuery(e, p.query) },
	sync: { type: 'GET', run: (e, p) => sync(e, p) },
};
