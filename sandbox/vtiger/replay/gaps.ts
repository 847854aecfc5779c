/**
 * Exchanges of the second instance's files (31+) the emulator does not reproduce yet, with the reason. Everything
 * else must match. A listed exchange is still sent (the state after it carries on), but what it returns binds no
 * recorded id to a live one, so it cannot make later exchanges look drifted.
 */
export const NOT_YET_REPRODUCED: Record<string, { exchanges: number[]; why: string }> = {
	'37_concurrent_duplicate_create.json': {
		exchanges: [9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39],
		why: 'rounds 3-10 (one session per thread) depend on the check-then-insert race of the duplicate check (issue 12 defect 3, branch crm-match)',
	},
};
