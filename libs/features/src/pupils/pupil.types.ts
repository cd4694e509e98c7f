import { AT_RISK_RONI_SCORE } from '@tandem/domain';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CalendarDateScalar, PageArgs, Paginated } from '@tandem/platform';

@ObjectType('Pupil', { description: 'A pupil of a school: the subject of records, never a user. Every read is audited.' })
export class PupilType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => String, { description: "The school's own reference (e.g. UPN or admission number); opaque after erasure." })
  reference!: string;

  @Field(() => String, { nullable: true, description: "Optional. Null for those who may not manage the school's pupils (coordinators)." })
  displayName!: string | null;

  @Field(() => CalendarDateScalar, {
    nullable: true,
    description: "Null when not recorded, and for those who may not manage the school's pupils.",
  })
  dateOfBirth!: string | null;

  /** As recorded; the GraphQL field is the year group today (PupilsResolver.yearGroup). */
  yearGroup!: number | null;

  @Field(() => Boolean, { description: 'Pupil premium / free school meals.' })
  disadvantaged!: boolean;

  @Field(() => Boolean, { description: 'Special educational needs and disabilities.' })
  send!: boolean;

  @Field(() => Boolean)
  careExperienced!: boolean;

  @Field(() => Int, { nullable: true, description: 'Risk of NEET indicator, 0–100.' })
  roniScore!: number | null;

  @Field(() => CalendarDateScalar)
  onRollFrom!: string;

  @Field(() => CalendarDateScalar, { nullable: true, description: 'The last day on roll, once the pupil leaves.' })
  onRollTo!: string | null;

  @Field(() => Date, { nullable: true, description: 'Set once the personal data were erased (irreversible).' })
  erasedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('PupilConnection')
export class PupilConnection extends Paginated(PupilType, 'Pupil') {}

@ObjectType('YearGroupPupilCount', { description: 'Pupils on roll today in one year group, and how many carry each flag.' })
export class YearGroupPupilCountType {
  @Field(() => Int)
  yearGroup!: number;

  @Field(() => Int)
  pupils!: number;

  @Field(() => Int)
  disadvantaged!: number;

  @Field(() => Int)
  send!: number;

  @Field(() => Int)
  careExperienced!: number;

  @Field(() => Int, { description: `RONI score ${AT_RISK_RONI_SCORE} or more.` })
  atRisk!: number;
}

@ObjectType('PupilDataExport', { description: 'A subject-access export: everything Tandem holds about one pupil, as a JSON document.' })
export class PupilDataExportType {
  @Field(() => ID)
  pupilId!: string;

  @Field(() => Date)
  generatedAt!: Date;

  @Field(() => String, { description: 'A file name to save the document under.' })
  fileName!: string;

  @Field(() => String, { description: 'The document (application/json).' })
  json!: string;
}

// ── inputs ──────────────────────────────────────────────────────────────────

@InputType('CreatePupilInput')
export class CreatePupilInput {
  @Field(() => ID)
  schoolId!: string;

  @Field(() => String, { description: 'Unique in the school, at most 50 characters. No names needed.' })
  reference!: string;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. Decides the year group; give this or yearGroup.' })
  dateOfBirth?: string | null;

  @Field(() => Int, { nullable: true, description: 'A year group the school teaches; must match dateOfBirth when both are given.' })
  yearGroup?: number | null;

  @Field(() => Boolean, { nullable: true })
  disadvantaged?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  send?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  careExperienced?: boolean | null;

  @Field(() => Int, { nullable: true, description: '0–100.' })
  roniScore?: number | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; default today.' })
  onRollFrom?: string | null;
}

@InputType('UpdatePupilInput', { description: 'Only the fields given change; null clears an optional one.' })
export class UpdatePupilInput {
  @Field(() => String, { nullable: true })
  reference?: string | null;

  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  dateOfBirth?: string | null;

  @Field(() => Int, { nullable: true })
  yearGroup?: number | null;

  @Field(() => Boolean, { nullable: true })
  disadvantaged?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  send?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  careExperienced?: boolean | null;

  @Field(() => Int, { nullable: true })
  roniScore?: number | null;

  @Field(() => String, { nullable: true })
  onRollFrom?: string | null;
}

@InputType('PupilFilter')
export class PupilFilter {
  @Field(() => Int, { nullable: true })
  yearGroup?: number | null;

  @Field(() => Boolean, { nullable: true })
  disadvantaged?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  send?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  careExperienced?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: `true: RONI score ${AT_RISK_RONI_SCORE} or more; false: below it or none.` })
  atRisk?: boolean | null;

  @Field(() => String, { nullable: true, description: 'The start of the reference (case-insensitive).' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Also pupils who have left (default: on roll today only).' })
  includeLeavers?: boolean | null;
}

@ArgsType()
export class PupilsArgs extends PageArgs {
  @Field(() => ID)
  schoolId!: string;

  @Field(() => PupilFilter, { nullable: true })
  filter?: PupilFilter | null;
}

// ── the CSV import ──────────────────────────────────────────────────────────

export enum PupilImportMode {
  ALL_OR_NOTHING = 'all_or_nothing',
  VALID_ROWS_ONLY = 'valid_rows_only',
}
registerEnumType(PupilImportMode, {
  name: 'PupilImportMode',
  description: 'ALL_OR_NOTHING (default): any bad row writes nothing. VALID_ROWS_ONLY: the good rows are written, the bad ones reported.',
});

export enum ImportJobStatus {
  QUEUED = 'queued',
  RUNNING = 'running',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(ImportJobStatus, { name: 'ImportJobStatus' });

@ObjectType('ImportRowError', {
  description: 'One problem in the file: the line a spreadsheet shows (header = 1), the column and what is wrong.',
})
export class ImportRowErrorType {
  @Field(() => Int)
  line!: number;

  @Field(() => String, { nullable: true, description: "A column's field (reference, dateOfBirth, yearGroup, …), or file / row." })
  field!: string | null;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('ImportJob', { description: 'A pupil CSV import: poll it for progress and the outcome.' })
export class ImportJobType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  schoolId!: string;

  @Field(() => PupilImportMode)
  mode!: string;

  @Field(() => ImportJobStatus)
  status!: string;

  @Field(() => Int, { description: 'Pupil rows in the file (known once it has been read).' })
  totalRows!: number;

  @Field(() => Int, { description: 'Rows checked and, where they are written, written so far.' })
  processedRows!: number;

  @Field(() => Int)
  insertedRows!: number;

  @Field(() => Int)
  updatedRows!: number;

  @Field(() => Int, { description: 'All problems found (errors lists at most the first 1,000).' })
  errorCount!: number;

  @Field(() => [ImportRowErrorType])
  errors!: ImportRowErrorType[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}
