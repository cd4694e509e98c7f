import type { Pupil, School } from '@tandem/persistence';
import type { PupilRelatedData } from './pupils.repository';

/**
 * The subject-access export of one pupil (UK GDPR art. 15): every field we hold about the child, the
 * school that holds it, every row that links to them (encounters attended, benchmark progress,
 * reporting snapshots, import problems of their rows) and the audit trail of what was done with the
 * record (actions and times; staff identities are other people's data and stay out). The priority
 * rank is explained: it is derived from the disadvantaged, SEND and care-experienced flags. Pure: the
 * caller loads, this shapes. `test/integration/erasure-catalog.int-spec.ts` checks it is complete.
 */

export const PUPIL_EXPORT_FORMAT = 'tandem.pupil-data-export/1';

export interface PupilExportInput {
  pupil: Pupil;
  school: Pick<School, 'id' | 'urn' | 'name'>;
  accessLog: ReadonlyArray<{ action: string; at: Date }>;
  related: PupilRelatedData;
  generatedAt: Date;
}

export interface PupilExportDocument {
  format: string;
  generatedAt: string;
  school: { id: string; urn: string; name: string };
  pupil: {
    id: string;
    reference: string;
    displayName: string | null;
    dateOfBirth: string | null;
    yearGroup: number | null;
    disadvantaged: boolean;
    send: boolean;
    careExperienced: boolean;
    roniScore: number | null;
    onRollFrom: string;
    onRollTo: string | null;
    recordCreatedAt: string;
    recordUpdatedAt: string;
    archivedAt: string | null;
    erasedAt: string | null;
  };
  encounters: Array<Omit<PupilRelatedData['encounters'][number], 'recordedAt'> & { recordedAt: string }>;
  benchmarkProgress: PupilRelatedData['benchmarkProgress'];
  reportingSnapshots: PupilRelatedData['reportingSnapshots'];
  importProblems: Array<Omit<PupilRelatedData['importProblems'][number], 'importedAt'> & { importedAt: string }>;
  notes: { priorityRank: string };
  accessLog: Array<{ action: string; at: string }>;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function pupilExportDocument({ pupil, school, accessLog, related, generatedAt }: PupilExportInput): PupilExportDocument {
  return {
    format: PUPIL_EXPORT_FORMAT,
    generatedAt: generatedAt.toISOString(),
    school: { id: school.id, urn: school.urn, name: school.name },
    pupil: {
      id: pupil.id,
      reference: pupil.reference,
      displayName: pupil.displayName,
      dateOfBirth: pupil.dateOfBirth,
      yearGroup: pupil.yearGroup,
      disadvantaged: pupil.disadvantaged,
      send: pupil.send,
      careExperienced: pupil.careExperienced,
      roniScore: pupil.roniScore,
      onRollFrom: pupil.onRollFrom,
      onRollTo: pupil.onRollTo,
      recordCreatedAt: pupil.createdAt.toISOString(),
      recordUpdatedAt: pupil.updatedAt.toISOString(),
      archivedAt: iso(pupil.archivedAt),
      erasedAt: iso(pupil.erasedAt),
    },
    encounters: related.encounters.map((e) => ({ ...e, recordedAt: new Date(e.recordedAt).toISOString() })),
    benchmarkProgress: related.benchmarkProgress,
    reportingSnapshots: related.reportingSnapshots,
    importProblems: related.importProblems.map((e) => ({ ...e, importedAt: new Date(e.importedAt).toISOString() })),
    notes: {
      priorityRank:
        'A number from the disadvantaged, SEND and care-experienced flags (0 = none), used to put pupils in priority groups when targeting encounters.',
    },
    accessLog: accessLog.map((e) => ({ action: e.action, at: e.at.toISOString() })),
  };
}

/** `pupil-<school URN>-<id>.json`: no name or reference in a file name that ends up in Downloads. */
export function pupilExportFileName(pupilId: string, schoolUrn: string): string {
  return `pupil-${schoolUrn}-${pupilId}.json`;
}
