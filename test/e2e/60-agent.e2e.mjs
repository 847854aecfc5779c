// Xero Sync as an AI-agent tool inside a real n8n: n8n's own AI Agent node with its OpenAI Chat Model node, whose
// credential points at a local OpenAI-compatible stub (openai-stub.mjs). The stub plays the model: it picks tools by
// the descriptions n8n gives them and fills their parameters from their schemas, asks for a contact's invoices, then
// sends an organisation, and writes its final answer from the tool results n8n sent back to it. The test checks the
// calls in the Xero sandbox's call statistics and state, and the sandbox's data in the agent's answer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { env, n8n, outputItems, secrets, xero } from './lib.mjs';
import { messageText, startOpenAiStub } from './openai-stub.mjs';

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const AGENT = '@n8n/n8n-nodes-langchain.agent';
const CHAT_MODEL = '@n8n/n8n-nodes-langchain.lmChatOpenAi';
const XERO_TOOL = 'n8n-nodes-xero-crm.xeroSyncTool';
const INVOICES_TOOL = 'Xero invoices of a contact';
const SEND_TOOL = 'Xero send organisation';

let stub;
before(async () => {
	stub = await startOpenAiStub(scriptedModel);
});
after(async () => {
	// What the model was sent, for reading a failure: test-output/e2e/n8n-<version>/agent-model-requests.json.
	if (stub) writeFileSync(join(env.stackDir, 'agent-model-requests.json'), JSON.stringify(stub.requests, null, 2));
	await stub?.close();
});

/** The tool whose description matches, by the function name n8n gave it; a model has nothing else to go on. */
function pickTool(tools, pattern) {
	const matching = tools.filter((t) => pattern.test(t.function.description ?? ''));
	if (matching.length !== 1) {
		throw new Error(`${matching.length} tools match ${pattern}: ${tools.map((t) => `${t.function.name}: ${t.function.description}`).join(' | ')}`);
	}
	return matching[0].function;
}

/** Fills each parameter of a tool from its description, as a model reading the schema would. */
function fillArguments(tool, facts) {
	const args = {};
	for (const [key, schema] of Object.entries(tool.parameters?.properties ?? {})) {
		const about = `${key} ${schema.description ?? ''}`;
		const fact = facts.find(([pattern]) => pattern.test(about));
		if (!fact) throw new Error(`no value for parameter ${key} ("${schema.description}") of ${tool.name}`);
		args[key] = fact[1];
	}
	return args;
}

/** The model: three turns, chosen by the tool results already in the conversation. */
function scriptedModel(body) {
	const tools = body.tools ?? [];
	const question = messageText(body.messages.findLast((m) => m.role === 'user'));
	const results = body.messages.filter((m) => m.role === 'tool').map(messageText);
	const contactId = question.match(GUID)?.[0];
	const [, orgName] = question.match(/organisation "([^"]+)"/) ?? [];
	const [, email] = question.match(/e-mail (\S+@[\w.-]*\w)/) ?? [];
	if (results.length === 0) {
		const tool = pickTool(tools, /get invoices/i);
		return { toolCalls: [{ name: tool.name, args: fillArguments(tool, [[/contact/i, contactId]]) }] };
	}
	if (results.length === 1) {
		const tool = pickTool(tools, /send organisation/i);
		const facts = [
			[/e-?mail/i, email],
			[/name/i, orgName],
		];
		return { toolCalls: [{ name: tool.name, args: fillArguments(tool, facts) }] };
	}
	const invoiceNumbers = [...new Set([...results[0].matchAll(/"InvoiceNumber"\s*:\s*"([^"]+)"/g)].map((m) => m[1]))];
	const sentId = results[1].match(/"ContactID"\s*:\s*"([^"]+)"/)?.[1] ?? 'none';
	return {
		content: `Invoices of ${contactId}: ${invoiceNumbers.join(', ') || 'none'}. Organisation "${orgName}" is in Xero as ContactID ${sentId}.`,
	};
}

/** The version a user gets when adding the node today (its default), from the running n8n. */
async function defaultVersion(rest, type) {
	const types = await (await rest.raw('GET', '/types/nodes.json')).json();
	const entries = types.filter((t) => t.name === type);
	assert.ok(entries.length > 0, `n8n ${env.version} has ${type}`);
	const versions = entries.flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version]));
	return entries.find((t) => t.defaultVersion !== undefined)?.defaultVersion ?? Math.max(...versions);
}

function agentWorkflow({ agentVersion, modelVersion, credentialId, prompt }) {
	const xeroCredential = { xeroCustomConnectionApi: { id: 'xeroCustomConn01', name: 'Xero Custom Connection (sandbox)' } };
	const fromAI = (key, description) => `={{ $fromAI('${key}', '${description}', 'string') }}`;
	return {
		name: `Agent e2e ${Date.now()}`,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'agent',
				name: 'AI Agent',
				type: AGENT,
				typeVersion: agentVersion,
				position: [220, 0],
				parameters: { promptType: 'define', text: prompt, options: {} },
			},
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: CHAT_MODEL,
				typeVersion: modelVersion,
				position: [120, 200],
				// A base URL that is not OpenAI's serves Chat Completions (as Ollama, vLLM or LiteLLM do), not Responses.
				parameters: {
					model: { __rl: true, mode: 'id', value: 'stub-model' },
					...(modelVersion >= 1.3 ? { responsesApiEnabled: false } : {}),
					options: {},
				},
				credentials: { openAiApi: { id: credentialId, name: 'OpenAI stub' } },
			},
			{
				id: 'invoicesTool',
				name: INVOICES_TOOL,
				type: XERO_TOOL,
				typeVersion: 1,
				position: [300, 200],
				parameters: {
					authentication: 'customConnection',
					resource: 'invoice',
					operation: 'get',
					getMode: 'many',
					returnAll: true,
					filters: { contactId: fromAI('contactId', 'The Xero ContactID (a GUID) of the organisation') },
				},
				credentials: xeroCredential,
			},
			{
				id: 'sendTool',
				name: SEND_TOOL,
				type: XERO_TOOL,
				typeVersion: 1,
				position: [480, 200],
				parameters: {
					authentication: 'customConnection',
					resource: 'organisation',
					operation: 'send',
					inputMode: 'fields',
					duplicateHandling: 'skip',
					name: fromAI('name', 'The organisation name'),
					additionalFields: { emailAddress: fromAI('email', 'The organisation e-mail address') },
				},
				credentials: xeroCredential,
			},
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': { ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]] },
			[INVOICES_TOOL]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
			[SEND_TOOL]: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	};
}

test(`n8n ${env.version}: an AI Agent calls Xero Sync as a tool, and the Xero results come back into its answer`, async () => {
	const rest = await n8n();
	const types = await (await rest.raw('GET', '/types/nodes.json')).json();
	assert.ok(types.some((t) => t.name === XERO_TOOL), `n8n offers Xero Sync as an AI tool (${XERO_TOOL})`);

	const tenantId = xero.firstTenant.tenantId;
	const before = await xero.state(tenantId);
	// The sandbox stores an invoice's contact as a top-level ContactID.
	const contactOf = (invoice) => invoice.ContactID ?? invoice.Contact?.ContactID;
	const invoicesOf = (state, id) => state.invoices.filter((i) => contactOf(i) === id && i.Status !== 'DELETED');
	const contact = before.contacts.find((c) => invoicesOf(before, c.ContactID).some((i) => i.InvoiceNumber));
	assert.ok(contact, 'the Xero sandbox has a contact with numbered invoices');
	const expected = invoicesOf(before, contact.ContactID).map((i) => i.InvoiceNumber).filter(Boolean);
	const others = before.invoices.filter((i) => contactOf(i) !== contact.ContactID && i.InvoiceNumber).map((i) => i.InvoiceNumber);
	const orgName = `Agent Test Org ${Date.now()}`;
	const email = `agent.${Date.now()}@example.com`;
	assert.ok(!before.contacts.some((c) => c.Name === orgName));
	const statsBefore = (await xero.stats()).tenants[tenantId]?.byPath ?? {};

	const credential = await rest.post('/rest/credentials', {
		name: 'OpenAI stub',
		type: 'openAiApi',
		data: { apiKey: stub.apiKey, url: stub.baseUrl, header: false },
	});
	const prompt =
		`Get the invoices of contact ${contact.Name} (ContactID ${contact.ContactID}) from Xero, ` +
		`then send the organisation "${orgName}" with e-mail ${email} to Xero.`;
	const workflow = await rest.post(
		'/rest/workflows',
		agentWorkflow({
			agentVersion: await defaultVersion(rest, AGENT),
			modelVersion: await defaultVersion(rest, CHAT_MODEL),
			credentialId: credential.id,
			prompt,
		}),
	);
	const run = await rest.runWorkflow(workflow.id, { trigger: 'Start' });
	const failure = run.data?.resultData?.error;
	assert.equal(run.status, 'success', `${failure?.message ?? ''} ${failure?.description ?? ''} (stub saw ${stub.requests.length} requests)`);

	// The model was offered both tools, described by the node's own operation descriptions, with the $fromAI schemas.
	const offered = stub.requests[0].tools.map((t) => t.function);
	const invoicesTool = offered.find((t) => t.description.match(/get invoices/i));
	assert.ok(invoicesTool, `tools offered: ${JSON.stringify(offered)}`);
	assert.deepEqual(Object.keys(invoicesTool.parameters.properties), ['contactId']);
	const sendTool = offered.find((t) => t.description.match(/send organisation/i));
	assert.deepEqual(Object.keys(sendTool.parameters.properties).sort(), ['email', 'name']);
	assert.equal(stub.requests.length, 3, 'one model turn per tool call, then the answer');

	// The calls reached the Xero sandbox: one more invoice read, one contact write, and the contact exists with its e-mail.
	const statsAfter = (await xero.stats()).tenants[tenantId]?.byPath ?? {};
	const delta = (key) => (statsAfter[key] ?? 0) - (statsBefore[key] ?? 0);
	assert.ok(delta('GET /Invoices') >= 1, `GET /Invoices was called (${JSON.stringify(statsAfter)})`);
	assert.ok(delta('POST /Contacts') + delta('PUT /Contacts') >= 1, `a contact write was sent (${JSON.stringify(statsAfter)})`);
	const afterState = await xero.state(tenantId);
	const created = afterState.contacts.filter((c) => c.Name === orgName);
	assert.equal(created.length, 1, `exactly one Xero contact "${orgName}"`);
	assert.equal(created[0].EmailAddress, email);

	// The tool results went back to the model: the invoices of that contact only, then the new contact.
	const toolResults = stub.requests[2].messages.filter((m) => m.role === 'tool').map(messageText);
	assert.equal(toolResults.length, 2);
	for (const number of expected) assert.ok(toolResults[0].includes(number), `the invoices tool returned ${number}`);
	for (const number of others) assert.ok(!toolResults[0].includes(`"${number}"`), `no invoice of another contact (${number})`);
	assert.ok(toolResults[1].includes(created[0].ContactID), 'the send tool returned the new ContactID');

	// ...and into the agent's answer, the workflow's output.
	const [answer] = outputItems(run.runData, 'AI Agent');
	assert.ok(answer?.output, `the agent answered: ${JSON.stringify(answer)}`);
	for (const number of expected) assert.ok(answer.output.includes(number), `the answer names invoice ${number}: ${answer.output}`);
	assert.ok(answer.output.includes(created[0].ContactID), `the answer names the new ContactID: ${answer.output}`);
	assert.ok(!answer.output.includes('none'), answer.output);

	// Both tools ran as nodes of the workflow, and no secret reached the execution data or the model.
	assert.ok(run.runData[INVOICES_TOOL]?.length >= 1 && run.runData[SEND_TOOL]?.length >= 1, `tool runs: ${Object.keys(run.runData)}`);
	const seen = JSON.stringify(run.data) + JSON.stringify(stub.requests);
	for (const secret of secrets()) assert.ok(!seen.includes(secret), 'no secret in the execution or the model requests');
});
