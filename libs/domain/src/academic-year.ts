/** English academic year runs 1 September – 31 August; it is named by the year it starts in. */
export function academicYearOf(date: Date): number {
  const year = date.getUTCFullYear();
  return date.getUTCMonth() >= 8 ? year : year - 1;
}
