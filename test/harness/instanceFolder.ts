import { prepareN8nProcess } from './n8nProcess';

/** Kept for code that imported it before n8nProcess.ts did more than the folder. */
export function useThrowawayN8nFolder(): void {
	prepareN8nProcess();
}
