import { progressBar } from './progress-bar';

describe('progressBar', () => {
  it('writes forwards only, at most once per interval and one write at a time', async () => {
    let clock = 0;
    const written: number[] = [];
    let release: () => void = () => undefined;
    const bar = progressBar(
      (p) => {
        written.push(p);
        return new Promise<void>((r) => (release = r));
      },
      { from: 30, everyMs: 1000, onError: () => undefined, now: () => clock },
    );
    bar.report(30); // not forwards
    bar.report(35);
    expect(written).toEqual([35]);
    clock = 2000;
    bar.report(40); // the first write has not finished
    expect(written).toEqual([35]);
    release();
    await bar.settled();
    bar.report(41);
    expect(written).toEqual([35, 41]);
    release();
    await bar.settled();
    clock = 2500;
    bar.report(50); // within the interval
    clock = 3000;
    bar.report(41); // not forwards of what was written
    bar.report(60);
    expect(written).toEqual([35, 41, 60]);
    release();
    await bar.settled();
  });

  it('skips a failed write and carries on', async () => {
    let clock = 0;
    const errors: unknown[] = [];
    const written: number[] = [];
    const bar = progressBar(
      async (p) => {
        written.push(p);
        if (p === 40) throw new Error('database away');
      },
      { from: 30, everyMs: 1000, onError: (e) => errors.push(e), now: () => clock },
    );
    bar.report(40);
    await bar.settled();
    expect(errors).toHaveLength(1);
    clock = 1000;
    bar.report(50);
    await bar.settled();
    expect(written).toEqual([40, 50]);
  });
});
