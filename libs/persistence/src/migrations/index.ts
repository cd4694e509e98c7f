import { InitialSchema1760000000000 } from './1760000000000-initial-schema';
import { VettingOutcome1760000003000 } from './1760000003000-vetting-outcome';

/** Every migration, in order (class references, not globs: works under SWC, ts-node and bundles). */
export const MIGRATIONS = [InitialSchema1760000000000, VettingOutcome1760000003000];

export { TENANT_TABLES } from './1760000000000-initial-schema';
