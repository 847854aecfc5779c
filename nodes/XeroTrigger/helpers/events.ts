import type { Classified } from './recordMemory';

/** What the user asked to be told about. */
export type PollEvent = 'createdOrUpdated' | 'created' | 'updated' | 'statusChanged';

export interface EventFilter {
	event: PollEvent;
	/** For statusChanged: the statuses the invoice must have become; empty means any change. */
	becameStatuses: string[];
}

export function matchesEvent(filter: EventFilter, change: Classified, status: string): boolean {
	switch (filter.event) {
		case 'created':
			return change.kind === 'created';
		case 'updated':
			return change.kind === 'updated';
		case 'statusChanged':
			return change.statusChanged && (filter.becameStatuses.length === 0 || filter.becameStatuses.includes(status));
		default:
			return true;
	}
}
