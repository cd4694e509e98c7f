import type { Pupil } from '@tandem/persistence';
import { PUPIL_EXPORT_FORMAT, pupilExportDocument, pupilExportFileName } from './pupil-export';

describe('subject-access export', () => {
  it('holds every stored field of the pupil, the school and the access trail, and no staff identities', () => {
    const pupil = {
      id: '0b0e0000-0000-4000-8000-000000000001',
      tenantId: 'tenant',
      schoolId: 'school',
      reference: 'A1',
      displayName: 'Jo',
      dateOfBirth: '2014-09-01',
      yearGroup: 7,
      disadvantaged: true,
      send: false,
      careExperienced: false,
      roniScore: 40,
      onRollFrom: '2026-09-01',
      onRollTo: null,
      archivedAt: null,
      erasedAt: null,
      createdAt: new Date('2026-09-01T08:00:00Z'),
      updatedAt: new Date('2026-10-01T08:00:00Z'),
    } as Pupil;
    const doc = pupilExportDocument({
      pupil,
      school: { id: 'school', urn: '100001', name: 'Hillside' },
      accessLog: [{ action: 'pupil.viewed', at: new Date('2026-10-02T09:00:00Z') }],
      related: {
        encounters: [
          {
            encounterId: 'e1',
            occurredOn: '2026-10-05',
            title: 'Careers talk',
            activityType: 'talk',
            format: 'in_person',
            countsForBenchmark5: true,
            countsForBenchmark6: false,
            recordedAt: new Date('2026-10-06T09:00:00Z'),
          },
        ],
        benchmarkProgress: [],
        reportingSnapshots: [],
        importProblems: [
          {
            importJobId: 'j1',
            importedAt: new Date('2026-09-01T08:00:00Z'),
            line: 4,
            field: 'send',
            code: 'VALIDATION_FAILED',
            message: 'SEND must be Y or N (got "maybe")',
          },
        ],
      },
      generatedAt: new Date('2026-11-25T10:00:00Z'),
    });
    expect(doc.format).toBe(PUPIL_EXPORT_FORMAT);
    expect(doc.pupil).toMatchObject({
      reference: 'A1',
      displayName: 'Jo',
      dateOfBirth: '2014-09-01',
      disadvantaged: true,
      roniScore: 40,
      recordCreatedAt: '2026-09-01T08:00:00.000Z',
    });
    expect(doc.accessLog).toEqual([{ action: 'pupil.viewed', at: '2026-10-02T09:00:00.000Z' }]);
    expect(doc.encounters).toEqual([expect.objectContaining({ encounterId: 'e1', recordedAt: '2026-10-06T09:00:00.000Z' })]);
    expect(doc.importProblems).toEqual([expect.objectContaining({ line: 4, importedAt: '2026-09-01T08:00:00.000Z' })]);
    expect(doc.notes.priorityRank).toMatch(/disadvantaged, SEND and care-experienced/);
    expect(JSON.stringify(doc)).not.toMatch(/tenant|actor/);
    expect(pupilExportFileName(pupil.id, '100001')).toBe('pupil-100001-0b0e0000-0000-4000-8000-000000000001.json');
  });
});
