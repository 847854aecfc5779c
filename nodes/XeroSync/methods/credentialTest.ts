import { xeroCustomConnectionApiTest } from '../../shared/xero/credentialTest';

/** The Custom Connection's Test button (credentials `testedBy`): a token request and an Organisation read. */
export const credentialTest = { xeroCustomConnectionApiTest };
