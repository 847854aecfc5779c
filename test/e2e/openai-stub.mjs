// A local OpenAI-compatible chat model for the agent e2e test: n8n's OpenAI credential takes a base URL, so its
// chat model node talks to this server instead of api.openai.com. The "model" is a script: a function from the
// request body (messages, tools) to the next assistant message. Every request is kept for the test to inspect.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

/** Starts the stub on a free loopback port. `reply(body)` returns `{ content }` or `{ toolCalls: [{ name, args }] }`. */
export async function startOpenAiStub(reply, { apiKey = 'sk-stub' } = {}) {
	const requests = [];
	const server = createServer(async (req, res) => {
		const send = (status, body) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.headers.authorization !== `Bearer ${apiKey}`) {
			return send(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
		}
		const path = new URL(req.url, 'http://stub').pathname;
		if (req.method === 'GET' && path === '/v1/models') {
			return send(200, { object: 'list', data: [{ id: 'stub-model', object: 'model', created: 0, owned_by: 'stub' }] });
		}
		if (req.method !== 'POST' || path !== '/v1/chat/completions') {
			return send(404, { error: { message: `the stub serves /v1/chat/completions, not ${req.method} ${path}` } });
		}
		let raw = '';
		for await (const chunk of req) raw += chunk;
		const body = JSON.parse(raw);
		requests.push(body);
		let message;
		try {
			message = assistantMessage(await reply(body, requests.length - 1));
		} catch (error) {
			return send(500, { error: { message: `stub script failed: ${error.message}`, type: 'server_error' } });
		}
		const finishReason = message.tool_calls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		const base = { id: `chatcmpl-${randomUUID()}`, created: Math.floor(Date.now() / 1000), model: body.model };
		if (!body.stream) {
			return send(200, { ...base, object: 'chat.completion', choices: [{ index: 0, message, finish_reason: finishReason }], usage });
		}
		// Streaming clients get the same message as one delta, then the finish reason.
		res.writeHead(200, { 'content-type': 'text/event-stream' });
		const delta = {
			role: 'assistant',
			content: message.content ?? '',
			...(message.tool_calls ? { tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) } : {}),
		};
		const chunk = (choice) => `data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [choice] })}\n\n`;
		res.write(chunk({ index: 0, delta, finish_reason: null }));
		res.write(chunk({ index: 0, delta: {}, finish_reason: finishReason }));
		res.end('data: [DONE]\n\n');
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		apiKey,
		requests,
		close: () => new Promise((resolve) => server.close(resolve)),
	};
}

function assistantMessage({ content, toolCalls }) {
	if (toolCalls?.length) {
		return {
			role: 'assistant',
			content: null,
			tool_calls: toolCalls.map(({ name, args }) => ({
				id: `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
				type: 'function',
				function: { name, arguments: JSON.stringify(args) },
			})),
		};
	}
	return { role: 'assistant', content: String(content ?? '') };
}

/** The text of a chat message, whether content is a string or a list of parts. */
export function messageText(message) {
	if (typeof message?.content === 'string') return message.content;
	if (Array.isArray(message?.content)) return message.content.map((part) => part.text ?? '').join('');
	return '';
}
