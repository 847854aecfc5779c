import type { Engine } from '../engine';

type Params = Record<string, string | undefined>;

export function getChallenge(engine: Engine, params: Params) {
	return engine.sessions.challenge(params.username);
}

export function login(engine: Engine, params: Params) {
	const { name, user } = engine.sessions.login(params.username, params.accessKey);
	const u = engine.adminUser;
	if (user.userName !== u.user_name) throw new Error('only the admin user is modelled');
	return {
		username: u.user_name,
		first_name: u.first_name,
		last_name: u.last_name,
		email: u.email1,
		time_zone: u.time_zone,
		hour_format: u.hour_format,
		date_format: u.date_format,
		is_admin: u.is_admin,
		call_duration: u.callduration,
		other_event_duration: u.othereventduration,
		sessionName: name,
		userId: u.id,
		version: '0.22',
		vtigerVersion: '7.5.0',
	};
}

export function logout(engine: Engine, params: Params) {
	engine.sessions.logout(params.sessionName ?? '');
	return { message: 'successfull' };
}
