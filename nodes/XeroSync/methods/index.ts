export * as listSearch from '../../shared/xero/methods/listSearch';
export { credentialTest } from './credentialTest';
