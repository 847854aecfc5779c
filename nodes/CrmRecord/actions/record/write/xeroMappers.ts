import type { MappingOptions } from '../../../../shared/mapping/options';
import { xeroOrganisationToCrm } from '../../../../shared/mapping/organisation';
import type { XeroRecord, XeroToCrmResult } from '../../../../shared/mapping/types';

export type XeroToCrmMapper = (record: XeroRecord, options: MappingOptions) => XeroToCrmResult;

/** The package mapping (nodes/shared/mapping) per Xero record type the node accepts. */
export const XERO_TO_CRM: Partial<Record<string, XeroToCrmMapper>> = {
	organisation: xeroOrganisationToCrm,
};
