import type { INodeType } from 'n8n-workflow';

import { FailItems } from './FailItems.node';
import { XeroCall } from './XeroCall.node';

/** Test-only node types, registered under "test.<name>" by passing them as runWorkflow's `nodeTypes`. */
export function testNodeTypes(): Record<string, INodeType> {
	return { 'test.failItems': new FailItems(), 'test.xeroCall': new XeroCall() };
}
