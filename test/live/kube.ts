/** The live suite's Kubernetes client is the one the operations CLI uses (src/kube/client.ts). */
export * from '../../src/kube/client';
