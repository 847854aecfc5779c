export { runWorkflow } from './runWorkflow';
export type { RunWorkflowOptions, WorkflowJson, WorkflowRun } from './runWorkflow';
export { chain, connect, manualTrigger, node } from './workflows';
export { testNodeTypes } from './nodes';
export { resolvedCredential, testCredential } from './credentialTest';
