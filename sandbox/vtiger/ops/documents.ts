import type { Engine } from '../engine';
import { Errors } from '../errors';
import type { UploadedFile } from '../http/form';
import { fromHtml } from '../schema/html';
import type { StoredRecord } from '../store/records';

type Params = Record<string, string | undefined>;

// The one folder of an install (vtiger_attachmentsfolder); a Document saved without a folder lands in it.
export const DEFAULT_FOLDER = { id: '22x1', foldername: 'Default', description: 'This is a Default Folder', createdby: '', sequence: '1' };

// Documents::save_module's "has a protocol" test: a scheme of up to 5 word characters, or a UNC-like "\\" prefix.
const HAS_SCHEME = /^\w{1,5}:\/\/|^\w{0,3}:?\\\\/;

interface FileColumns {
	filename: string;
	filesize: string;
	filetype: string;
	filelocationtype: string;
	filedownloadcount: string;
}

/**
 * Documents::save_module after every save (34): the file columns are rewritten from filelocationtype. "E" keeps
 * the filename as a URL (http:// prepended when it has no scheme); "I" takes an uploaded $_FILES["filename"] (its
 * name with whitespace as "_", its type and byte size) and stores the file as an attachment with a crmid of its
 * own, or keeps the columns on an edit, or keeps a given filename with download count 0; anything else leaves the
 * columns empty. Unset PHP variables are written as NULL, which reads back as "" ("0" for filesize).
 */
export function saveDocumentFile(engine: Engine, record: StoredRecord, files: UploadedFile[], before?: Record<string, string>): void {
	if (record.module !== 'Documents') return;
	const v = record.values;
	if (!v.folderid) v.folderid = DEFAULT_FOLDER.id;
	const upload = files.find((f) => f.field === 'filename' && f.name !== '');
	let columns: FileColumns = { filename: '', filesize: '0', filetype: '', filelocationtype: '', filedownloadcount: '' };
	let stored: UploadedFile | undefined;
	if (v.filelocationtype === 'I') {
		if (upload) {
			if (upload.bytes.length > 0) {
				stored = upload;
				columns = { ...columns, filename: fromHtml(upload.name.replace(/\s+/g, '_')), filesize: String(upload.bytes.length), filetype: upload.type, filelocationtype: 'I' };
			}
		} else if (before) {
			columns = {
				filename: before.filename ?? '',
				filesize: before.filesize ?? '0',
				filetype: before.filetype ?? '',
				filelocationtype: before.filelocationtype ?? '',
				filedownloadcount: before.filedownloadcount ?? '',
			};
		} else if (v.filename) {
			columns = { filename: v.filename, filesize: v.filesize || '0', filetype: v.filetype ?? '', filelocationtype: 'I', filedownloadcount: '0' };
		} else {
			columns = { ...columns, filelocationtype: 'I' };
		}
	} else if (v.filelocationtype === 'E') {
		const name = v.filename ?? '';
		columns = { ...columns, filelocationtype: 'E', filename: name !== '' && !HAS_SCHEME.test(name.trim()) ? `http://${name}` : name };
	}
	Object.assign(v, columns);
	if (columns.filelocationtype !== 'I') record.attachmentId = undefined;
	if (stored) {
		const crmid = engine.store.allocateCrmid();
		engine.store.attachments.set(crmid, { crmid, ownerCrmid: record.crmid, name: columns.filename, type: stored.type, bytes: stored.bytes });
		record.attachmentId = crmid;
	}
}

// vtws_file_retrieve: the id is an attachment's (the Document's own id is RECORD_NOT_FOUND); the answer carries
// the bytes base64-encoded and the size as a JSON number.
export function filesRetrieve(engine: Engine, params: Params) {
	const match = /^(\d+)x(\d+)$/.exec(params.id ?? '');
	const attachment = match ? engine.store.attachments.get(Number(match[2])) : undefined;
	const owner = attachment && engine.store.get(attachment.ownerCrmid);
	if (!match || !attachment || !owner || owner.deleted || owner.attachmentId !== attachment.crmid) throw Errors.recordNotFound();
	if (engine.registry.moduleOfWsId(Number(match[1])) !== owner.module) throw Errors.invalidId();
	return [
		{
			fileid: String(attachment.crmid),
			filename: attachment.name,
			filetype: attachment.type,
			filesize: attachment.bytes.length,
			filecontents: attachment.bytes.toString('base64'),
		},
	];
}
