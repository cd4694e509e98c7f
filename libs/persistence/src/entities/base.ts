import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** id + timestamps, for global tables. */
export abstract class GlobalEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every tenant table: `tenant_id` is stamped from the TenantContext by TenantRepository.insert. */
export abstract class TenantOwnedEntity extends GlobalEntity {
  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;
}

/** Decimal columns come back from pg as strings; store/return JS numbers. */
export const decimalTransformer = {
  to: (value: number | null | undefined): number | null | undefined => value,
  from: (value: string | null): number | null => (value === null || value === undefined ? null : Number(value)),
};

/** JSON stored in jsonb columns. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
/**
 * A jsonb object column. `any` values on purpose: TypeORM's QueryDeepPartialEntity recurses into
 * the value type, and both `unknown` and a recursive JsonValue break it (TS2589 / not assignable).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonObject = Record<string, any>;
