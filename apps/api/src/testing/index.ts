// The API's integration-test harness, for cross-app tests under test/ (alias @tandem/api-testing).
export * from './test-api';
export * from './fixtures';
export * from './pupil-csv';
export { ADMIN_CSP } from '../admin-app';
