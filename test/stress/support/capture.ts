import { Container } from '@n8n/di';
import { Logger } from '@n8n/backend-common';
import { LoggerProxy } from 'n8n-workflow';
import { inspect } from 'node:util';

/**
 * Every line the package could leak a secret through while nodes run: console output and n8n's Logger (the one
 * `this.logger` returns in a node, and LoggerProxy, which n8n-core itself writes to). Lines are kept, not printed,
 * so a 10,000-record run stays quiet and the scan sees exactly what a user's log would.
 */
export interface LogCapture {
	lines: string[];
	restore(): void;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

function render(args: unknown[]): string {
	return args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 6, breakLength: Infinity }))).join(' ');
}

export function captureLogs(): LogCapture {
	const lines: string[] = [];
	let active = true;
	const keep = (level: string) => (...args: unknown[]) => {
		if (active) lines.push(`${level}: ${render(args)}`);
	};
	const originals = CONSOLE_METHODS.map((method) => [method, console[method]] as const);
	for (const method of CONSOLE_METHODS) console[method] = keep(`console.${method}`);

	const logger = {
		error: keep('logger.error'),
		warn: keep('logger.warn'),
		info: keep('logger.info'),
		debug: keep('logger.debug'),
		verbose: keep('logger.verbose'),
		scoped() {
			return logger;
		},
	};
	const hadLogger = Container.has(Logger);
	const previous = hadLogger ? Container.get(Logger) : undefined;
	Container.set(Logger, logger as unknown as Logger);
	LoggerProxy.init(logger as never);

	return {
		lines,
		restore() {
			for (const [method, original] of originals) console[method] = original;
			active = false;
			// n8n-core had no Logger yet: ours stays registered but silent, because Container.reset() would also drop
			// the instance settings the harness depends on.
			if (previous) Container.set(Logger, previous);
		},
	};
}
