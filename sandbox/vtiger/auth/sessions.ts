import { createHash } from 'node:crypto';
import type { SandboxClock } from '../clock';
import { Errors } from '../errors';
import { phpUniqid, sessionName } from '../php';

export const TOKEN_LIFETIME = 300;
export const SESSION_LIFETIME = 86400;
export const SESSION_IDLE = 1800;

export interface SandboxUser {
	userName: string;
	accessKey: string;
	wsId: string;
}

interface Challenge {
	token: string;
	expireTime: number;
}

interface Session {
	user: SandboxUser;
	createdAt: number;
	lastUsed: number;
	// Fault injection marks sessions instead of deleting them so the next call sees the right error code.
	forced?: 'invalid' | 'expired' | 'idle';
}

export type SessionFault = 'invalid' | 'expired' | 'idle';

export class SessionManager {
	private readonly challenges = new Map<string, Challenge>();
	private readonly sessions = new Map<string, Session>();

	constructor(
		private readonly users: SandboxUser[],
		private readonly clock: SandboxClock,
	) {}

	findUser(userName: string): SandboxUser | undefined {
		return this.users.find((u) => u.userName === userName);
	}

	// vtiger keeps one row per user in vtiger_ws_userauthtoken: a new challenge replaces the old token.
	challenge(userName: string | undefined) {
		if (!userName) throw Errors.noUsername();
		const user = this.findUser(userName);
		if (!user) throw Errors.unknownUser();
		const serverTime = this.clock.now();
		const challenge = { token: phpUniqid(), expireTime: serverTime + TOKEN_LIFETIME };
		this.challenges.set(user.userName, challenge);
		return { token: challenge.token, serverTime, expireTime: challenge.expireTime };
	}

	// A successful login does not consume the token; it stays usable until it expires.
	login(userName: string | undefined, accessKey: string | undefined): { name: string; user: SandboxUser } {
		const challenge = userName === undefined ? undefined : this.challenges.get(userName);
		if (!challenge || challenge.expireTime < this.clock.now()) throw Errors.invalidToken();
		const user = this.findUser(userName as string) as SandboxUser;
		const expected = createHash('md5').update(challenge.token + user.accessKey).digest('hex');
		if (accessKey !== expected) throw Errors.invalidCredentials();
		const name = sessionName();
		const now = this.clock.now();
		this.sessions.set(name, { user, createdAt: now, lastUsed: now });
		return { name, user };
	}

	logout(name: string): void {
		this.sessions.delete(name);
	}

	validate(name: string | undefined): SandboxUser {
		if (!name) throw Errors.authRequired();
		const session = this.sessions.get(name);
		if (!session) throw Errors.invalidSession();
		const now = this.clock.now();
		if (session.forced === 'invalid') {
			this.sessions.delete(name);
			throw Errors.invalidSession();
		}
		if (session.forced === 'expired' || now - session.createdAt >= SESSION_LIFETIME) {
			this.sessions.delete(name);
			throw Errors.sessionExpired();
		}
		if (session.forced === 'idle' || now - session.lastUsed >= SESSION_IDLE) {
			this.sessions.delete(name);
			throw Errors.sessionIdle();
		}
		session.lastUsed = now;
		return session.user;
	}

	breakAllSessions(fault: SessionFault): number {
		for (const session of this.sessions.values()) session.forced = fault;
		return this.sessions.size;
	}

	expireChallenges(): void {
		for (const challenge of this.challenges.values()) challenge.expireTime = this.clock.now() - 1;
	}

	snapshot() {
		return {
			sessions: this.sessions.size,
			challenges: [...this.challenges.entries()].map(([user, c]) => ({ user, expireTime: c.expireTime })),
		};
	}
}
