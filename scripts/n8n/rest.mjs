// A small client for n8n's internal REST API (/rest/...), as the editor uses it: cookie auth bound to a browser-id
// header. Used by scripts/n8n/provision.mjs and the e2e tests (test/e2e). Verified against n8n 2.8.4's controllers.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

export class N8nRest {
	constructor(baseUrl, { n8nHome } = {}) {
		this.baseUrl = baseUrl.replace(/\/$/, '');
		this.browserId = randomUUID();
		this.cookies = new Map();
		this.n8nHome = n8nHome ?? process.env.N8N_HOME;
	}

	cookieHeader() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async raw(method, path, { body, headers = {}, redirect = 'manual' } = {}) {
		const res = await fetch(this.baseUrl + path, {
			method,
			redirect,
			headers: {
				'browser-id': this.browserId,
				...(this.cookies.size ? { cookie: this.cookieHeader() } : {}),
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		for (const line of res.headers.getSetCookie?.() ?? []) {
			const [pair] = line.split(';');
			const eq = pair.indexOf('=');
			this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
		}
		return res;
	}

	async request(method, path, body) {
		const res = await this.raw(method, path, { body });
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		// Until its controllers are mounted n8n answers every path with the editor's index.html.
		if (res.ok && json === undefined && text && !(res.headers.get('content-type') ?? '').includes('json')) {
			const error = new Error(`${method} ${path} -> ${res.status} but not JSON (n8n still starting?)`);
			error.status = 503;
			throw error;
		}
		if (!res.ok) {
			const message = json?.message ?? text.slice(0, 300);
			const error = new Error(`${method} ${path} -> ${res.status}: ${message}`);
			error.status = res.status;
			error.body = json ?? text;
			throw error;
		}
		return json && typeof json === 'object' && 'data' in json ? json.data : json;
	}

	get(path) {
		return this.request('GET', path);
	}
	post(path, body = {}) {
		return this.request('POST', path, body);
	}
	patch(path, body = {}) {
		return this.request('PATCH', path, body);
	}

	async setupNeeded() {
		const settings = await this.get('/rest/settings');
		return Boolean(settings?.userManagement?.showSetupOnFirstLoad);
	}

	async setupOwner({ email, password, firstName = 'Demo', lastName = 'Owner' }) {
		return this.post('/rest/owner/setup', { email, password, firstName, lastName });
	}

	async login(email, password) {
		return this.post('/rest/login', { emailOrLdapLoginId: email, password });
	}

	async workflows() {
		return this.get('/rest/workflows?includeScopes=false');
	}

	async workflow(id) {
		return this.get(`/rest/workflows/${id}`);
	}

	/**
	 * Runs a saved workflow the way the editor's "Execute workflow" button does (a manual execution starting at the
	 * given trigger) and waits for it. Returns { execution, runData, status }.
	 */
	async runWorkflow(id, { trigger, timeoutMs = 180_000 } = {}) {
		const workflowData = await this.workflow(id);
		const triggerNode =
			workflowData.nodes.find((n) => n.name === trigger) ??
			workflowData.nodes.find((n) => /trigger/i.test(n.type) && !n.disabled);
		if (!triggerNode) throw new Error(`workflow ${id} has no trigger node to start from`);
		const started = await this.post(`/rest/workflows/${id}/run`, {
			workflowData,
			triggerToStartFrom: { name: triggerNode.name },
		});
		if (!started?.executionId) throw new Error(`workflow ${id} did not start: ${JSON.stringify(started)}`);
		return this.waitForExecution(started.executionId, timeoutMs);
	}

	async waitForExecution(executionId, timeoutMs = 180_000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			let execution;
			try {
				execution = await this.get(`/rest/executions/${executionId}`);
			} catch (error) {
				if (error.status !== 404) throw error;
			}
			if (execution && execution.finished !== undefined && !['new', 'running', 'waiting'].includes(execution.status)) {
				const data = typeof execution.data === 'string' ? this.unflatten(execution.data) : execution.data;
				return { execution, status: execution.status, data, runData: data?.resultData?.runData ?? {} };
			}
			if (Date.now() > deadline) throw new Error(`execution ${executionId} did not finish within ${timeoutMs} ms`);
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	unflatten(text) {
		const require = createRequire(join(this.n8nHome, 'node_modules', 'n8n', 'package.json'));
		return require('flatted').parse(text);
	}
}

/** Items of one output (0 = main, 1 = error when the node has an error output) of a node's last run. */
export function outputItems(runData, nodeName, outputIndex = 0) {
	const runs = runData[nodeName];
	if (!runs?.length) return [];
	const last = runs[runs.length - 1];
	return (last.data?.main?.[outputIndex] ?? []).map((item) => item.json);
}
