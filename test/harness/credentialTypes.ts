import type { ICredentialType, ICredentialTypes, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/** The credential registry as n8n's CLI keeps it: parents by `extends`, properties merged parent-first. */
export class HarnessCredentialTypes implements ICredentialTypes {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of types) this.byName.set(type.name, type);
	}

	recognizes(type: string): boolean {
		return this.byName.has(type);
	}

	getByName(type: string): ICredentialType {
		const found = this.byName.get(type);
		if (!found) throw new Error(`Unknown credential type "${type}"`);
		return found;
	}

	getSupportedNodes(): string[] {
		return [];
	}

	getParentTypes(type: string): string[] {
		const parents = this.getByName(type).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/** n8n adds oauthTokenData to the OAuth roots, and lets a child's property win over its parent's. */
	getProperties(type: string): INodeProperties[] {
		const credentialType = this.getByName(type);
		if (credentialType.extends === undefined) {
			if (type === 'oAuth2Api' || type === 'oAuth1Api') {
				return [
					...credentialType.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialType.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, credentialType.properties);
		return combined;
	}
}
