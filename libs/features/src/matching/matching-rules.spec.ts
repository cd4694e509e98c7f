import { DEFAULT_MATCHING_WEIGHTS, DomainError, type Principal } from '@tandem/domain';
import {
  canSeeMatchingRun,
  decideProposal,
  MAX_PROPOSALS_PER_DECISION,
  parseProposalIds,
  requestedClusterId,
  runWeights,
  solvingPercent,
} from './matching-rules';

function thrown(fn: () => unknown): DomainError | undefined {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  return undefined;
}

const base = { userId: 'u', tenantId: 't', membershipId: 'm' };
const hubAdmin: Principal = { ...base, role: 'hub_admin' };
const coordinator: Principal = { ...base, role: 'coordinator', clusterId: 'north' };
const staff: Principal = { ...base, role: 'school_staff', schoolId: 's' };

describe('who sees a run', () => {
  it('hub admins see every run; a coordinator their own cluster’s only (not the hub’s); schools and employers none', () => {
    expect(canSeeMatchingRun(hubAdmin, { clusterId: null })).toBe(true);
    expect(canSeeMatchingRun(hubAdmin, { clusterId: 'south' })).toBe(true);
    expect(canSeeMatchingRun(coordinator, { clusterId: 'north' })).toBe(true);
    expect(canSeeMatchingRun(coordinator, { clusterId: 'south' })).toBe(false);
    expect(canSeeMatchingRun(coordinator, { clusterId: null })).toBe(false);
    expect(canSeeMatchingRun(staff, { clusterId: 'north' })).toBe(false);
    expect(canSeeMatchingRun(hubAdmin, { tenantId: 'other', clusterId: null })).toBe(false);
  });
});

describe('starting a run', () => {
  it('takes the hub’s weights, with the run’s own on top (null keeps the hub’s)', () => {
    expect(runWeights(DEFAULT_MATCHING_WEIGHTS, null)).toEqual(DEFAULT_MATCHING_WEIGHTS);
    expect(runWeights({ ...DEFAULT_MATCHING_WEIGHTS, perKm: 2 }, { perKm: null, fairnessCap: 3 })).toEqual({
      ...DEFAULT_MATCHING_WEIGHTS,
      perKm: 2,
      fairnessCap: 3,
    });
  });

  it('names the weight out of range', () => {
    expect(thrown(() => runWeights(DEFAULT_MATCHING_WEIGHTS, { disadvantagedUplift: 11 }))).toMatchObject({
      code: 'INVALID_NUMBER',
      field: 'input.weights.disadvantagedUplift',
      message: 'input.weights.disadvantagedUplift must be a number from 0 to 10 (got 11)',
    });
  });

  it('reads a blank cluster as "my own scope"', () => {
    expect(requestedClusterId({})).toBeNull();
    expect(requestedClusterId({ clusterId: '  ' })).toBeNull();
    expect(requestedClusterId({ clusterId: ' abc ' })).toBe('abc');
  });
});

describe('proposal ids', () => {
  it('takes 1 to 100 ids, ignoring repeats', () => {
    expect(parseProposalIds(['a', 'b', 'a'])).toEqual(['a', 'b']);
    expect(thrown(() => parseProposalIds([]))).toMatchObject({ code: 'REQUIRED', field: 'ids' });
    expect(thrown(() => parseProposalIds(['a', '']))).toMatchObject({ code: 'REQUIRED', field: 'ids[1]' });
    const many = Array.from({ length: MAX_PROPOSALS_PER_DECISION + 1 }, (_, i) => `id-${i}`);
    expect(thrown(() => parseProposalIds(many))).toMatchObject({ code: 'VALIDATION_FAILED', field: 'ids' });
  });
});

describe('deciding on a proposal', () => {
  it('applies to a proposed one, changes nothing when asked again, refuses the rest with a reason', () => {
    expect(decideProposal('proposed', 'accept', 'ids[0]')).toBe('apply');
    expect(decideProposal('proposed', 'reject', 'ids[0]')).toBe('apply');
    expect(decideProposal('accepted', 'accept', 'ids[0]')).toBe('unchanged');
    expect(decideProposal('rejected', 'reject', 'ids[0]')).toBe('unchanged');
    expect(thrown(() => decideProposal('rejected', 'accept', 'ids[2]'))).toMatchObject({
      code: 'CONFLICT',
      field: 'ids[2]',
      message: expect.stringMatching(/was rejected/),
    });
    expect(thrown(() => decideProposal('accepted', 'reject', 'ids[0]'))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/cancel the booking/),
    });
    expect(thrown(() => decideProposal('superseded', 'accept', 'ids[0]'))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/newer matching run/),
    });
  });
});

describe('solvingPercent', () => {
  it("spreads the solver's share over the solving phase, never reaching saving", () => {
    expect(solvingPercent(0)).toBe(30);
    expect(solvingPercent(0.5)).toBe(59);
    expect(solvingPercent(1)).toBe(89);
    expect(solvingPercent(5)).toBe(89); // never past the solving phase
    expect(solvingPercent(Number.NaN)).toBe(89);
  });
});
