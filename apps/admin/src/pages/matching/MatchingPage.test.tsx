import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me } from '../../auth/types';
import { renderWithStore, type Answers } from '../../testing/render';
import { MatchingPage } from './MatchingPage';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const coordinator: Me = {
  userId: 'u1',
  email: 'ec@hub.org.uk',
  displayName: 'Alex',
  tenantId: 't1',
  tenantName: 'North Careers Hub',
  role: 'COORDINATOR',
  clusterId: 'c1',
  schoolId: null,
  employerId: null,
};

const RUN_BASE = {
  id: 'run-1',
  scope: 'cluster',
  createdAt: '2026-01-20T10:00:00Z',
  finishedAt: null,
  cluster: { name: 'North cluster' },
  errorMessage: null,
  optimal: null,
  objective: null,
  bound: null,
  relativeGap: null,
  requestsConsidered: null,
  sessionsConsidered: null,
  proposalCount: null,
  unmatchedCount: null,
  pupilsCovered: null,
  gapPupilsCovered: null,
  solveMs: null,
  proposals: [],
  unmatched: [],
};

const proposal = (id: string, school: string, status = 'proposed') => ({
  id,
  status,
  bookingId: null,
  schoolName: school,
  yearGroup: 10,
  pupils: 25,
  gapPupilsClosed: 20,
  benchmark: 5,
  activityType: 'careers_talk',
  format: 'virtual',
  offerTitle: 'Careers in engineering',
  employerName: 'Aire Engineering',
  startsAt: '2026-02-03T13:00:00Z',
  endsAt: '2026-02-03T14:00:00Z',
  distanceKm: null,
  employerMonthRemaining: 2,
  worth: 27.5,
  summary: 'Closes the gap.',
  reasons: [
    { code: 'CLOSES_GAP', text: `closes the benchmark-5 gap for 20 of the 25 Year 10 pupils at ${school}, 40% disadvantaged or at risk` },
    { code: 'VIRTUAL', text: 'virtual, so nobody travels' },
  ],
});

const DONE = {
  ...RUN_BASE,
  status: 'succeeded',
  phase: 'done',
  progress: 100,
  optimal: true,
  objective: 55,
  bound: 55,
  relativeGap: 0,
  requestsConsidered: 3,
  sessionsConsidered: 4,
  proposalCount: 2,
  unmatchedCount: 1,
  pupilsCovered: 50,
  gapPupilsCovered: 40,
  solveMs: 12,
  proposals: [proposal('p1', 'Ash Academy'), proposal('p2', 'Birch High')],
  unmatched: [
    {
      id: 'u1',
      schoolName: 'Cedar School',
      activityType: 'work_shadowing',
      yearGroup: 11,
      pupils: 2,
      summary: 'No offer of that type (Work shadowing) in the hub.',
    },
  ],
};

function answers(run: object, extra: Answers = {}): Answers {
  return {
    ClusterOptions: () => ({ clusters: { nodes: [{ id: 'c1', name: 'North cluster' }] } }),
    MatchingRuns: () => ({
      matchingRuns: {
        nodes: [
          {
            id: 'run-1',
            scope: 'cluster',
            status: (run as { status: string }).status,
            proposalCount: null,
            createdAt: '2026-01-20T10:00:00Z',
            cluster: { name: 'North cluster' },
          },
        ],
        totalCount: 1,
      },
    }),
    MatchingRun: () => ({ matchingRun: run }),
    ...extra,
  };
}

describe('MatchingPage', () => {
  it('shows a running run as a progress bar with what it is doing', async () => {
    renderWithStore(<MatchingPage me={coordinator} />, answers({ ...RUN_BASE, status: 'running', phase: 'solving', progress: 30 }));
    const bar = await screen.findByRole('progressbar', { name: 'Finding the proposals that close the most gap' });
    expect(bar.getAttribute('value')).toBe('30');
    expect(screen.getByText('For your cluster, North cluster.')).toBeTruthy();
  });

  it('starts a run for the coordinator’s own cluster', async () => {
    const { request } = renderWithStore(
      <MatchingPage me={coordinator} />,
      answers(DONE, { StartMatchingRun: () => ({ startMatchingRun: { id: 'run-2', status: 'queued' } }) }),
    );
    await screen.findByText('For your cluster, North cluster.');
    fireEvent.click(screen.getByRole('button', { name: 'Run matching' }));
    await waitFor(() => expect(window.location.hash).toBe('#/matching/run-2'));
    const start = request.mock.calls.find(([q]) => String(q).includes('mutation StartMatchingRun'));
    expect(start?.[1]).toEqual({ input: { clusterId: 'c1' } });
  });

  it('lists proposals with their reasons and numbers, the optimality, and what stopped the rest', async () => {
    renderWithStore(<MatchingPage me={coordinator} />, answers(DONE));
    await screen.findByText('Proven optimal: these proposals are worth 55.0 gap pupils, the most any set of bookings could be worth.');
    const table = screen.getByRole('table', { name: 'Proposals, most worth first' });
    const ash = within(table).getByRole('row', { name: /Ash Academy, Year 10/ });
    expect(within(ash).getByRole('list', { name: 'Why this proposal: Ash Academy, Year 10' }).textContent).toContain(
      'virtual, so nobody travels',
    );
    expect(within(ash).getByText('20 of 25 (BM5)')).toBeTruthy();
    expect(within(ash).getByText('2 more requests that month')).toBeTruthy();
    expect(within(ash).getByText('Virtual')).toBeTruthy();
    const unmatched = screen.getByRole('table', { name: 'Requests left unmatched and what stopped them' });
    expect(within(unmatched).getByText('No offer of that type (Work shadowing) in the hub.')).toBeTruthy();
  });

  it('accepts the selected proposals in bulk and shows beside a proposal why it could not be accepted', async () => {
    const { request } = renderWithStore(
      <MatchingPage me={coordinator} />,
      answers(DONE, {
        AcceptMatchingProposals: () => ({
          acceptMatchingProposals: {
            succeeded: 1,
            failed: 1,
            results: [
              { proposalId: 'p1', ok: true, error: null },
              {
                proposalId: 'p2',
                ok: false,
                error: { code: 'CONFLICT', message: 'This session is already taken: choose another one', field: 'ids[1]' },
              },
            ],
          },
        }),
      }),
    );
    await screen.findByRole('table', { name: 'Proposals, most worth first' });
    const bulk = screen.getByRole('button', { name: 'Accept selected (0)' }) as HTMLButtonElement;
    expect(bulk.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select every proposal waiting for a decision' }));
    fireEvent.click(screen.getByRole('button', { name: 'Accept selected (2)' }));
    await screen.findByText('This session is already taken: choose another one');
    const accept = request.mock.calls.find(([q]) => String(q).includes('mutation AcceptMatchingProposals'));
    expect(accept?.[1]).toEqual({ ids: ['p1', 'p2'] });
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts.filter((t) => t)).toEqual([
      expect.stringMatching(/^1 proposal accepted: .* 1 proposal could not be accepted: see the reason beside it\.$/),
    ]);
    const birch = screen.getByRole('row', { name: /Birch High, Year 10/ });
    expect(within(birch).getByText('This session is already taken: choose another one')).toBeTruthy();
  });

  it('says why a failed run failed', async () => {
    renderWithStore(
      <MatchingPage me={coordinator} />,
      answers({
        ...RUN_BASE,
        status: 'failed',
        phase: 'done',
        progress: 0,
        errorMessage: 'The run stopped because of a fault on our side (ref matching.x); no proposals were made. Please start it again.',
      }),
    );
    const alert = await screen.findByText(/^This run failed\./);
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toBe(
      'This run failed. The run stopped because of a fault on our side (ref matching.x); no proposals were made. Please start it again.',
    );
  });
});
