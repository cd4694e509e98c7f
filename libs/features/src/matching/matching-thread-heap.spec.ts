import { matchingThreadHeapMb } from './matching-solver-thread';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('the matching thread’s heap limit (issue 15: it could take 4 GB inside a 768 Mi container)', () => {
  it('takes half of a container’s memory limit', () => {
    expect(matchingThreadHeapMb(0, 768 * MiB, 24 * GiB)).toBe(384);
    expect(matchingThreadHeapMb(0, 2 * GiB, 24 * GiB)).toBe(1024);
  });

  it('without a container limit (Node reports 2^64), half the machine, at most 4096 MB', () => {
    expect(matchingThreadHeapMb(0, 2 ** 64, 24 * GiB)).toBe(4096);
    expect(matchingThreadHeapMb(0, undefined, 4 * GiB)).toBe(2048);
  });

  it('never below 64 MB, and MATCHING_THREAD_HEAP_MB wins', () => {
    expect(matchingThreadHeapMb(0, 96 * MiB, 24 * GiB)).toBe(64);
    expect(matchingThreadHeapMb(300, 768 * MiB, 24 * GiB)).toBe(300);
  });
});
