import { pupilImportFieldsOf } from './pupil-import';

describe('pupilImportFieldsOf', () => {
  it('names the fields a header provides, whatever the spelling, and ignores the rest', () => {
    expect([...pupilImportFieldsOf(['UPN', 'Date of Birth', 'FSM', 'PP', 'Form', ''])].sort()).toEqual([
      'dateOfBirth',
      'disadvantaged',
      'reference',
    ]);
    expect([...pupilImportFieldsOf(['Admission No.', 'NC Year', 'RONI score', 'Leaving date'])].sort()).toEqual([
      'onRollTo',
      'reference',
      'roniScore',
      'yearGroup',
    ]);
  });

  it('is empty for a header of unknown columns', () => {
    expect(pupilImportFieldsOf(['Form', 'Ethnicity']).size).toBe(0);
  });
});
