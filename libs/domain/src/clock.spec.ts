import { academicYearOf } from './academic-year';
import { ManualClock, SystemClock } from './clock';

describe('ManualClock', () => {
  it('stands still until set or advanced', () => {
    const clock = new ManualClock('2026-11-17T10:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-17T10:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-11-17T10:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-11-17T10:01:30.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('hands out copies, so a caller cannot move it by mutating a Date', () => {
    const clock = new ManualClock('2026-11-17T10:00:00Z');
    clock.now().setUTCFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2026);
  });

  it('refuses an instant that is not one', () => {
    expect(() => new ManualClock('not a date')).toThrow(/not an instant/);
  });

  it('sets London wall-clock times on both sides of the clock changes', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    expect(clock.setLondon('2026-06-30', '23:30').now().toISOString()).toBe('2026-06-30T22:30:00.000Z'); // BST
    expect(clock.setLondon('2026-12-31', '23:30').now().toISOString()).toBe('2026-12-31T23:30:00.000Z'); // GMT
    // The night the clocks go back: 01:30 happens twice; the first (BST) is meant.
    expect(clock.setLondon('2026-10-25', '01:30').now().toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('Clock.today', () => {
  it('is the London date, which is not the UTC date late on a summer evening', () => {
    const clock = new ManualClock('2026-08-31T23:30:00Z'); // 00:30 on 1 September in London
    expect(clock.today()).toBe('2026-09-01');
    expect(academicYearOf(clock.today())).toBe(2026);
  });

  it('turns the academic year at London midnight between 31 August and 1 September', () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    clock.setLondon('2026-08-31', '23:59');
    expect([clock.today(), academicYearOf(clock.today())]).toEqual(['2026-08-31', 2025]);
    clock.advance(60_000);
    expect([clock.today(), academicYearOf(clock.today())]).toEqual(['2026-09-01', 2026]);
  });

  it('SystemClock reads the machine', () => {
    const before = performance.timeOrigin + performance.now();
    const read = new SystemClock().now().getTime();
    expect(read).toBeGreaterThanOrEqual(Math.floor(before));
  });
});
