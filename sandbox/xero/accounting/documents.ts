import { createHash } from 'node:crypto';
import type { RouteResult } from '../http/types';
import type { Json } from '../types';
import { invalid, notFound, ok } from './envelope';
import { withValidationErrors } from './errorShapes';
import { num, str } from './values';

/**
 * Xero serves an invoice's PDF on the invoice's own path when the request asks for `Accept: application/pdf`
 * (the yaml's `/Invoices/{InvoiceID}/pdf` carries `x-path: /Invoices/{InvoiceID}`). The sandbox's PDF is small but
 * valid: one page naming the document, its number, contact and total, so a test can read what it holds.
 */
export function pdfOf(title: string, lines: string[]): Buffer {
	const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
	const text = [title, ...lines].map((line, i) => `BT /F1 ${i === 0 ? 18 : 12} Tf 56 ${780 - i * 24} Td (${escape(line)}) Tj ET`).join('\n');
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
		`<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(Buffer.byteLength(body, 'latin1'));
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = Buffer.byteLength(body, 'latin1');
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return Buffer.from(body, 'latin1');
}

/** What a rendered document's PDF shows: its title, number, contact, status and total. */
function documentPdf(title: string, numberLabel: string, record: Json): RouteResult {
	const contact = (record.Contact ?? {}) as Json;
	const total = `${(num(record.Total) ?? 0).toFixed(2)} ${str(record.CurrencyCode) ?? ''}`.trim();
	const lines = [
		`${numberLabel}: ${str(record[numberLabel.replace(/ /g, '')]) ?? ''}`,
		`Contact: ${str(contact.Name) ?? ''}`,
		`Status: ${str(record.Status) ?? ''}`,
		`Total: ${total}`,
	];
	return { status: 200, binary: { contentType: 'application/pdf', bytes: pdfOf(title, lines) } };
}

/** What a rendered invoice's PDF shows. */
export function invoicePdf(invoice: Json | undefined): RouteResult {
	if (!invoice) return notFound();
	return documentPdf(invoice.Type === 'ACCPAY' ? 'BILL' : 'TAX INVOICE', 'Invoice Number', invoice);
}

/**
 * Quotes, purchase orders and credit notes: Xero serves their PDFs on the record's own path with
 * `Accept: application/pdf` too (yaml getQuoteAsPdf, getPurchaseOrderAsPdf, getCreditNoteAsPdf, each with x-path
 * /<Collection>/{ID}). The record is what the JSON read of the same path answers; a 404 stays a 404.
 */
export function recordPdf(read: RouteResult, collection: string, title: (record: Json) => string, numberLabel: string): RouteResult {
	if (read.status !== 200) return read;
	const record = ((read.json as Json | undefined)?.[collection] as Json[] | undefined)?.[0];
	return record ? documentPdf(title(record), numberLabel, record) : notFound();
}

/**
 * Xero's documentation: "you can retrieve the online invoice url for sales (ACCREC) invoices. Note: you cannot
 * retrieve an online invoice url for DRAFT invoices" (quoted in XeroAPI/xero-node#186); Workato's Xero connector
 * adds deleted ones. Xero's wording of the refusal is not published; these messages are the sandbox's.
 */
export const ONLINE_INVOICE_REFUSALS = {
	bill: 'Online invoices are only available for sales invoices (ACCREC); this is a bill (ACCPAY).',
	status: (status: string) => `An online invoice is not available for an invoice with status ${status}; approve it first.`,
};
const NO_ONLINE_INVOICE = ['DRAFT', 'DELETED'];

/** The URL is stable per invoice, like Xero's in.xero.com links. */
export function onlineInvoice(providerName: string, now: number, invoice: Json | undefined): RouteResult {
	if (!invoice) return notFound();
	const element = { InvoiceID: invoice.InvoiceID, InvoiceNumber: invoice.InvoiceNumber };
	if (invoice.Type === 'ACCPAY') return invalid([withValidationErrors(element, [ONLINE_INVOICE_REFUSALS.bill])]);
	const status = str(invoice.Status) ?? '';
	if (NO_ONLINE_INVOICE.includes(status)) return invalid([withValidationErrors(element, [ONLINE_INVOICE_REFUSALS.status(status)])]);
	const token = createHash('sha256').update(String(invoice.InvoiceID)).digest('base64url').replace(/[-_]/g, '').slice(0, 40);
	return ok(providerName, now, 'OnlineInvoices', [{ OnlineInvoiceUrl: `https://in.xero.com/${token}` }]);
}
