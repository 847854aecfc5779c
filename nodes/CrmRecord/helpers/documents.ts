import type { DescribeResult, RelatedTypesResult, VtigerRecord } from '../transport';

/**
 * What vtiger 7.5's webservice allows for files (transcript 34): a Documents record holds either an uploaded file
 * (filelocationtype "I", sent as multipart/form-data with the file in the part "filename") or a link
 * (filelocationtype "E", the URL in `filename`); add_related relates it to a record whose module has a Documents
 * related list (Invoice, Quotes, Accounts …). Only notes_title and assigned_user_id are mandatory.
 */
export type DocumentSource = { kind: 'file'; name: string } | { kind: 'link'; url: string };

/** Documents::save_module's "has a protocol" test; a URL without one is stored with "http://" in front. */
const HAS_SCHEME = /^\w{1,5}:\/\/|^\w{0,3}:?\\\\/;

/** The `filename` vtiger stores for the source: an upload's name with whitespace as "_", a URL with a scheme. */
export function storedFileName(source: DocumentSource): string {
	if (source.kind === 'file') return source.name.replace(/\s+/g, '_');
	const url = source.url.trim();
	return HAS_SCHEME.test(url) ? url : `http://${url}`;
}

/**
 * The document already related to the record that holds the same file or link: the same location type and the
 * same stored file name (what vtiger keeps of either). A document renamed in the CRM still counts as attached.
 */
export function attachedDocument(related: VtigerRecord[], source: DocumentSource): VtigerRecord | undefined {
	const type = source.kind === 'file' ? 'I' : 'E';
	const name = storedFileName(source);
	return related.find((document) => document.filelocationtype === type && document.filename === name);
}

/** The label of the module's Documents related list, which add_related and retrieve_related name. */
export function documentsRelationLabel(related: RelatedTypesResult): string | undefined {
	const information = Array.isArray(related.information) ? {} : related.information;
	return Object.values(information).find((entry) => entry.name === 'Documents')?.label;
}

/** Documents.filename's upload limit from describe (`maxUploadFileSize`, 50,000,000 bytes in 7.5). */
export function maxUploadBytes(describe: DescribeResult | undefined): number | undefined {
	const type = describe?.fields.find((field) => field.name === 'filename')?.type as { maxUploadFileSize?: unknown } | undefined;
	const max = Number(type?.maxUploadFileSize);
	return Number.isFinite(max) && max > 0 ? max : undefined;
}
