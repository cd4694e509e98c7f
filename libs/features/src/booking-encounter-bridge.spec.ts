import 'reflect-metadata';
import { Global, Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BOOKING_DELIVERED_LISTENER, BookingsModule, BookingsService } from '@tandem/features/bookings';
import { MatchingModule } from '@tandem/features/matching';
import { EncounterFromBooking, LedgerModule } from '@tandem/features/ledger';

/**
 * Issue 19: bookings and the ledger were wired to each other through @Optional() listeners, so a
 * process that loaded bookings without the ledger delivered bookings that never became encounters,
 * silently. Now BookingsService requires BOOKING_DELIVERED_LISTENER, which only the ledger's bridge
 * provides: these boot the real feature modules (platform and persistence classes stubbed, no I/O)
 * and expect a miswired set to fail at boot.
 */

type Provider = Type | { provide: unknown; useClass?: Type; useValue?: unknown; useFactory?: unknown; useExisting?: unknown };
type ModuleLike = Type | DynamicModule;

/** Walks the module graph: what it provides, and every class whose constructor Nest will fill. */
function walk(
  root: ModuleLike[],
  provided = new Set<unknown>(),
  classes = new Set<Type>(),
  seen = new Set<unknown>(),
): { provided: Set<unknown>; classes: Set<Type> } {
  for (const m of root) {
    if (seen.has(m)) continue;
    seen.add(m);
    const mod = 'module' in m ? m.module : m;
    const meta = (key: string): unknown[] => [
      ...((Reflect.getMetadata(key, mod) as unknown[]) ?? []),
      ...((('module' in m ? (m as DynamicModule)[key as 'providers'] : []) as unknown[]) ?? []),
    ];
    for (const p of meta('providers') as Provider[]) {
      if (typeof p === 'function') {
        provided.add(p);
        classes.add(p);
      } else {
        provided.add(p.provide);
        if (p.useClass) classes.add(p.useClass);
      }
    }
    for (const c of meta('controllers') as Type[]) classes.add(c);
    walk(meta('imports') as ModuleLike[], provided, classes, seen);
  }
  return { provided, classes };
}

/** Platform/persistence classes (and queue tokens) the features need, as empty stubs; symbols are left for the features to provide. */
function infraStubs(modules: ModuleLike[]): Type {
  const { provided, classes } = walk(modules);
  const needed = new Set<unknown>();
  for (const cls of classes) {
    const types = [...((Reflect.getMetadata('design:paramtypes', cls) as unknown[]) ?? [])];
    for (const { index, param } of (Reflect.getMetadata('self:paramtypes', cls) as Array<{ index: number; param: unknown }>) ?? [])
      types[index] = param;
    for (const t of types) if (t !== undefined && typeof t !== 'symbol' && !provided.has(t)) needed.add(t);
  }
  const providers = [...needed].map((token) => ({ provide: token as string, useValue: {} }));
  @Global()
  @Module({ providers, exports: providers.map((p) => p.provide) })
  class InfraStubs {}
  return InfraStubs;
}

async function boot(modules: ModuleLike[]): Promise<INestApplicationContext> {
  @Module({ imports: [infraStubs(modules), ...modules] })
  class Root {}
  return NestFactory.createApplicationContext(Root, { logger: false, abortOnError: false });
}

describe('the booking ↔ encounter bridge is required', () => {
  it('boots the ledger with bookings, and the delivered-booking listener is the ledger’s', async () => {
    const app = await boot([LedgerModule]);
    try {
      expect(app.get(BOOKING_DELIVERED_LISTENER, { strict: false })).toBeInstanceOf(EncounterFromBooking);
      expect(app.get(BookingsService, { strict: false })).toBeInstanceOf(BookingsService);
    } finally {
      await app.close();
    }
  });

  it('refuses to boot bookings without the ledger', async () => {
    await expect(boot([BookingsModule])).rejects.toThrow(/BOOKING_DELIVERED_LISTENER/);
  });

  it('refuses to boot a feature that uses bookings (matching) without the ledger', async () => {
    await expect(boot([MatchingModule])).rejects.toThrow(/BOOKING_DELIVERED_LISTENER/);
  });
});
