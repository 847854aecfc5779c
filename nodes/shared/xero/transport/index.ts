// What code outside the transport uses of it; the rest is imported from its own file where it is needed.
export { createXeroTransport } from './createXeroTransport';
export type { XeroTransport } from './createXeroTransport';
export { listConnections } from './connections';
export { xeroPages } from './paging';
export { setXeroClockScale } from './clock';
export { resetXeroLimiters } from './limiter';
