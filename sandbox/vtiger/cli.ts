import { startVtigerSandbox } from './index';

// Standalone vtiger sandbox for out-of-process use (e2e with a real n8n):
//   npx ts-node --transpile-only sandbox/vtiger/cli.ts [--port 8088] [--data demo|empty] [--decimals 0|2] [--unpatched-sync] [--stock-operation-manager]
function arg(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
	const crm = await startVtigerSandbox({
		port: Number(arg('port') ?? 0),
		host: arg('host') ?? '127.0.0.1',
		data: arg('data') === 'empty' ? 'empty' : 'demo',
		currencyDecimals: arg('decimals') === '0' ? 0 : 2,
		syncPatched: !process.argv.includes('--unpatched-sync'),
		operationManagerPatched: !process.argv.includes('--stock-operation-manager'),
		verbose: process.argv.includes('--verbose'),
	});
	console.log(JSON.stringify({ url: crm.url, webservice: crm.webserviceUrl, userName: crm.userName, accessKey: crm.accessKey, control: `${crm.url}/__sandbox/state` }));
	const stop = () => void crm.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
