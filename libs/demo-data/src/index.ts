/**
 * Demo and benchmark data (tooling, not product code): deterministic generators for the demo seed
 * (`generateDemoData`) and for the matching benchmarks and tests (`generateMatchingHub`). Lint lets
 * only scripts, tests and the demo seed feature import it.
 */
export * from './seed-data';
export { generateMatchingHub, type MatchingHubSize } from './matching-hub';
