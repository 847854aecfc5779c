import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

/**
 * vtiger's webservice has no static auth header: every execution logs in with a challenge-response, so the Test
 * button is provided by the CRM Record node (`testedBy`) rather than a declarative request here.
 */
export class SimplyCrmApi implements ICredentialType {
	name = 'simplyCrmApi';

	displayName = 'Simply CRM / Vtiger API';

	// vtiger's own description of the webservice this credential logs in to (challenge, access key, session).
	documentationUrl = 'https://community.vtiger.com/help/vtigercrm/developers/third-party-app-integration.html';

	icon: Icon = { light: 'file:simplycrm.svg', dark: 'file:simplycrm.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Instance URL',
			name: 'instanceUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://yourcompany.simply-crm.com',
			description:
				'Address of the CRM, as in the browser. The webservice path (/webservice.php) is added automatically.',
		},
		{
			displayName: 'User Name',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'admin',
			description: 'The CRM user the sync acts as (the login name, not the e-mail address)',
		},
		{
			displayName: 'Access Key',
			name: 'accessKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The user's webservice access key, shown under My Preferences in the CRM. It is not the login password.",
		},
	];
}
