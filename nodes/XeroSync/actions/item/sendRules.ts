import type { IDataObject } from 'n8n-workflow';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { itemFromFields } from '../../helpers/fieldPayloads';
import type { AccountSummary } from '../../send/checks';
import { present } from '../../helpers/mandatory';
import type { SendRules } from '../../send/rules';
import { writeInBatches } from '../../send/write';

/**
 * The seed: each product needs a Xero account. Items name theirs in SalesDetails, PurchaseDetails and the inventory
 * fields; each named code must exist and be active, or Xero would reject the item (or worse, accept it against an
 * archived account).
 */
export function itemAccountProblems(record: IDataObject, accounts: AccountSummary[]): string[] {
	const byCode = new Map(accounts.filter((a) => a.Code).map((a) => [String(a.Code).toUpperCase(), a]));
	const named: Array<[string, unknown]> = [
		['sales account', (record.SalesDetails as IDataObject | undefined)?.AccountCode],
		['purchase account', (record.PurchaseDetails as IDataObject | undefined)?.AccountCode],
		['cost of goods sold account', (record.PurchaseDetails as IDataObject | undefined)?.COGSAccountCode],
		['inventory asset account', record.InventoryAssetAccountCode],
	];
	const problems: string[] = [];
	for (const [label, code] of named) {
		if (code === undefined || code === null || code === '') continue;
		const account = byCode.get(String(code).toUpperCase());
		if (!account) {
			problems.push(`the ${label} code "${String(code)}" does not exist in Xero`);
		} else if (account.Status !== undefined && account.Status !== 'ACTIVE') {
			problems.push(`the ${label} "${String(code)}" (${account.Name ?? 'unnamed'}) is ${account.Status}, not ACTIVE`);
		}
	}
	return problems;
}

/** A record names an account code, which must then exist and be active. */
export function needsAccountCheck(records: IDataObject[]): boolean {
	return records.some((r) => itemAccountProblems(r, []).length > 0);
}


/** Send item: what differs from the other resources; the engine in send/ does the rest. */
export const itemSendRules: SendRules = {
	spec: XERO_RESOURCES.item,
	writable: [
		'ItemID',
		'Code',
		'InventoryAssetAccountCode',
		'Name',
		'IsSold',
		'IsPurchased',
		'Description',
		'PurchaseDescription',
		'PurchaseDetails',
		'SalesDetails',
		'IsTrackedAsInventory',
	],
	mandatory: (record) => (present(record.Code) ? [] : ['the item code (Code) is empty']),
	fromFields: (ctx, i) =>
		itemFromFields(ctx.getNodeParameter('code', i, '') as string, ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
	crmModules: ['Products', 'Services'],
	checks: [],
	settingsChecks: [
		{
			code: 'ITEM_ACCOUNT',
			needed: needsAccountCheck,
			async problem(payload, settings) {
				const problems = itemAccountProblems(payload, await settings.accounts());
				return problems.length > 0
					? `${problems.join('; ')}. Run "Get accounts from Xero" and pick an active account code.`
					: undefined;
			},
		},
	],
	writer: writeInBatches,
	readQuery: { unitdp: 4 },
};
