import { Column, Entity } from 'typeorm';
import { TenantOwnedEntity } from './base';
import type { ImportKind, ImportMode, ImportStatus } from './enums';

export interface ImportRowError {
  line: number;
  field?: string;
  code: string;
  message: string;
  /** The row's reference (never shown; lets erasure find every problem of a pupil's row). */
  reference?: string;
}

@Entity({ name: 'import_jobs' })
export class ImportJob extends TenantOwnedEntity {
  @Column({ name: 'school_id', type: 'uuid' })
  schoolId!: string;

  @Column({ name: 'kind', type: 'text', default: 'pupils' })
  kind!: ImportKind;

  @Column({ name: 'mode', type: 'text' })
  mode!: ImportMode;

  @Column({ name: 'status', type: 'text', default: 'queued' })
  status!: ImportStatus;

  /** The uploaded CSV; set to null once processed (data minimisation). */
  @Column({ name: 'source_csv', type: 'text', nullable: true })
  sourceCsv!: string | null;

  @Column({ name: 'total_rows', type: 'integer', default: 0 })
  totalRows!: number;

  @Column({ name: 'processed_rows', type: 'integer', default: 0 })
  processedRows!: number;

  @Column({ name: 'inserted_rows', type: 'integer', default: 0 })
  insertedRows!: number;

  @Column({ name: 'updated_rows', type: 'integer', default: 0 })
  updatedRows!: number;

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount!: number;

  @Column({ name: 'errors', type: 'jsonb', default: () => "'[]'" })
  errors!: ImportRowError[];

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
