import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { decodeSpecialChars } from '../transport/htmlText';
import { editorClient } from './client';

/** Only entity modules hold records; Currency, LineItem, Tax … are listed by listtypes but cannot be synced. */
export async function searchModules(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await editorClient(this);
	const { types, information } = await client.listTypes();
	const needle = (filter ?? '').trim().toLowerCase();
	const results = types
		.filter((name) => information?.[name]?.isEntity !== false)
		.map((name) => ({ name: information?.[name]?.label ? `${decodeSpecialChars(information[name].label)} (${name})` : name, value: name }))
		.filter((entry) => needle === '' || entry.name.toLowerCase().includes(needle))
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
