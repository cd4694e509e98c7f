// The worker's integration-test harness, for cross-app tests under test/ (alias @tandem/worker-testing).
export * from './test-worker';
