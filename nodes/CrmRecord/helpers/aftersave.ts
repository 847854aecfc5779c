import { asNumber, isEmpty, round } from '../../shared/sameValue';

/**
 * vtiger's InvoiceHandler (and PurchaseOrderHandler) run after a create and overwrite `balance` with grand total −
 * received (paid on a purchase order), whatever the create sent; a revise never does (transcript 33). So a balance
 * we mean to keep (Xero's AmountDue, which counts tax vtiger may not) is lost on create and only lands with a revise.
 * The table is vtiger's; the module's "amount paid" field per module.
 */
const PAID_FIELD: Readonly<Record<string, string>> = { Invoice: 'received', PurchaseOrder: 'paid' };

/**
 * The fields to revise right after a create because vtiger's aftersave handler replaced what was sent, or undefined
 * when what vtiger computes is what was sent (then nothing more is written). The create answer still shows the
 * totals it read back (hdnGrandTotal as a number) and the received it stored, which is all the handler uses.
 */
export function overwrittenOnCreate(
	module: string,
	element: Record<string, unknown>,
	created: Record<string, unknown>,
): Record<string, unknown> | undefined {
	const paidField = PAID_FIELD[module];
	if (!paidField || isEmpty(element.balance)) return undefined;
	const wanted = asNumber(element.balance);
	const total = asNumber(created.hdnGrandTotal);
	if (wanted === undefined || total === undefined) return undefined;
	const computed = total - (asNumber(created[paidField]) ?? 0);
	return round(computed, 8) === round(wanted, 8) ? undefined : { balance: element.balance };
}
