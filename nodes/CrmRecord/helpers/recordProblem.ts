/** A record we refuse to send; the message already names the record and the field. */
export class RecordProblem extends Error {
	constructor(
		message: string,
		readonly code: string,
	) {
		super(message);
		this.name = 'RecordProblem';
	}
}
