/** What the credential holds; the access key never leaves the transport. */
export interface VtigerCredentials {
	instanceUrl: string;
	username: string;
	accessKey: string;
}

export type VtigerMethod = 'GET' | 'POST';

export interface VtigerHttpRequest {
	method: VtigerMethod;
	url: string;
	/** GET operations read every parameter from the query string, POST operations from the form body. */
	params: Record<string, string>;
	/** Files for PHP's $_FILES: the POST then goes as multipart/form-data, the parameters as its text parts. */
	files?: VtigerUpload[];
}

/** One uploaded file; `field` is the form field vtiger reads it from (Documents: "filename"). */
export interface VtigerUpload {
	field: string;
	name: string;
	type: string;
	bytes: Buffer;
}

/** The body is whatever the HTTP helper produced: a parsed object, raw text, or nothing. */
export interface VtigerHttpResponse {
	status: number;
	body: unknown;
	contentType?: string;
}

export type VtigerSend = (request: VtigerHttpRequest) => Promise<VtigerHttpResponse>;

export interface VtigerSessionInfo {
	sessionName: string;
	userId: string;
	version?: string;
	vtigerVersion?: string;
	/** Server clock minus ours, in seconds, from getchallenge's serverTime. */
	clockOffset: number;
}

export interface SyncResult {
	updated: Array<Record<string, unknown>>;
	deleted: string[];
	more: boolean;
	lastModifiedTime: number;
}

export interface DescribeField {
	name: string;
	label: string;
	mandatory: boolean;
	editable?: boolean;
	nullable?: boolean;
	isunique?: boolean;
	default?: unknown;
	type: {
		name: string;
		refersTo?: string[];
		picklistValues?: Array<{ label: string; value: string }>;
		defaultValue?: unknown;
		format?: string;
	};
}

export interface DescribeResult {
	label: string;
	name: string;
	createable: boolean;
	updateable: boolean;
	deleteable: boolean;
	retrieveable: boolean;
	fields: DescribeField[];
	idPrefix: string;
	isEntity: boolean;
	labelFields?: string;
}

export interface ListTypesResult {
	types: string[];
	information: Record<string, { isEntity: boolean; label: string; singular: string }>;
}

export interface RelatedTypesResult {
	types: string[];
	/** Keyed by related-list label; an empty array when the module has no related lists. */
	information: Record<string, { name: string; label: string; isEntity: string }> | [];
}
