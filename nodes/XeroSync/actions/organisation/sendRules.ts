import type { IDataObject } from 'n8n-workflow';
import { XERO_RESOURCES } from '../../../shared/xero/resources';
import { contactFromFields } from '../../helpers/fieldPayloads';
import type { SendRules } from '../../send/rules';
import { writeInBatches } from '../../send/write';

/** Send organisation (Xero contacts): what differs from the other resources; the engine in send/ does the rest. */
export const organisationSendRules: SendRules = {
	spec: XERO_RESOURCES.organisation,
	fromFields: (ctx, i) =>
		contactFromFields(ctx.getNodeParameter('name', i, '') as string, ctx.getNodeParameter('additionalFields', i, {}) as IDataObject),
	crmModules: ['Accounts', 'Contacts'],
	checks: [],
	settingsChecks: [],
	writer: writeInBatches,
	idsParameter: true,
};
