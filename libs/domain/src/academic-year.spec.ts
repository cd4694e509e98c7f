import { academicYearOf } from './academic-year';

describe('academicYearOf', () => {
  it('puts 31 August in the year that began the previous September', () => {
    expect(academicYearOf(new Date(Date.UTC(2026, 7, 31)))).toBe(2025);
  });
  it('starts a new academic year on 1 September', () => {
    expect(academicYearOf(new Date(Date.UTC(2026, 8, 1)))).toBe(2026);
  });
});
