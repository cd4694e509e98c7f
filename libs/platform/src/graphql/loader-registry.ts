import DataLoader from 'dataloader';

/**
 * One per GraphQL request (made by the context factory): features get a request-scoped DataLoader by
 * name, so a relation asked for by many parents is fetched in one query and cached for the request.
 *
 *   ctx.loaders.get('schoolById', (ids: readonly string[]) => repo.findByIds(ids).then((rows) => byKeys(ids, rows, (r) => r.id)))
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown, unknown>>();

  get<K, V, C = K>(name: string, batchFn: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>): DataLoader<K, V, C> {
    let loader = this.loaders.get(name) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, C>(batchFn, { maxBatchSize: 500, ...options });
      this.loaders.set(name, loader as DataLoader<unknown, unknown, unknown>);
    }
    return loader;
  }

  get size(): number {
    return this.loaders.size;
  }
}

/** Orders rows to match keys (DataLoader's contract), null where a key has no row. */
export function byKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups rows per key (for one-to-many), an empty list where a key has none. */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
