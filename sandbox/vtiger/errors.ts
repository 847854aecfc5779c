// vtiger reports handled failures as HTTP 200 with success:false; FatalError models the PHP fatals that
// escape webservice.php's try block and reach the client as an empty HTTP 500.

export class VtigerError extends Error {
	constructor(
		readonly code: string | number,
		message: string,
	) {
		super(message);
	}
}

export class FatalError extends Error {}

// Messages are verbatim from vtiger 7.5, typos included, because clients match on them.
export const Errors = {
	accessDenied: () => new VtigerError('ACCESS_DENIED', 'Permission to perform the operation is denied'),
	accessDeniedFor: (what: string) =>
		new VtigerError('ACCESS_DENIED', `Permission to perform the operation is denied for ${what}`),
	deniedForName: (name: string) =>
		new VtigerError('ACCESS_DENIED', `Permission to perform the operation is denied for name : ${name}`),
	attributeDenied: (column: string) =>
		new VtigerError('ACCESS_DENIED', `Permission to access '.${column}.' attribute denied.`),
	invalidId: () => new VtigerError('INVALID_ID_ATTRIBUTE', 'Id specified is incorrect'),
	mandatoryMissing: (field: string) =>
		new VtigerError('MANDATORY_FIELDS_MISSING', `${field} does not have a value`),
	lineItemsMissing: () => new VtigerError('MANDATORY_FIELDS_MISSING', 'Mandatory Fields Missing..'),
	referenceInvalid: (field: string) =>
		new VtigerError('REFERENCE_INVALID', `Invalid reference specified for ${field}`),
	duplicate: () => new VtigerError(0, 'Duplicate(s) detected!'),
	invalidSession: () => new VtigerError('INVALID_SESSIONID', 'Session Identifier provided is Invalid'),
	sessionExpired: () => new VtigerError('SESSION_EXPIRED', 'Session has life span over please login again'),
	sessionIdle: () => new VtigerError('SESSION_LEFT_IDLE', 'Session has been invalidated to due lack activity'),
	authRequired: () => new VtigerError('AUTHENTICATION_REQUIRED', 'Authencation required'),
	invalidCredentials: () => new VtigerError('INVALID_USER_CREDENTIALS', 'Invalid username or password'),
	invalidToken: () => new VtigerError('INVALID_AUTH_TOKEN', 'Specified token is invalid or expired'),
	unknownUser: () => new VtigerError('ACCESS_DENIED', 'username does not exists'),
	noUsername: () => new VtigerError('ACCESS_DENIED', 'No username given'),
	querySyntax: (message: string) => new VtigerError('QUERY_SYNTAX_ERROR', message),
	recordNotFound: () => new VtigerError('RECORD_NOT_FOUND', 'Record you are trying to access is not found'),
	// The code is misspelt upstream (WebServiceErrorCode::$UNKOWNENTITY).
	unknownRelation: () => new VtigerError('UNKOWN_ENTITY', 'Relation specified is incorrect'),
	internal: () => new VtigerError('INTERNAL_SERVER_ERROR', 'Unknown Error while processing request'),
};
