import { InitialSchema1760000000000 } from './1760000000000-initial-schema';

/** Every migration, in order (class references, not globs: works under SWC, ts-node and bundles). */
export const MIGRATIONS = [InitialSchema1760000000000];

export { TENANT_TABLES } from './1760000000000-initial-schema';
