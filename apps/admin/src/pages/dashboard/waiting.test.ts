import { describe, expect, it } from 'vitest';
import { waitingItems } from './waiting';

const today = '2026-02-10';

describe('waitingItems', () => {
  it('lists unanswered requests past the threshold, bookings waiting for a side, missing attendance and expiring vetting, most urgent first', () => {
    const items = waitingItems({
      today,
      unansweredAfterDays: 5,
      requests: [
        { id: 'r-old', schoolName: 'Ash', activity: 'mock interviews', yearGroup: 11, createdAt: '2026-01-20T10:00:00Z', status: 'open' },
        { id: 'r-new', schoolName: 'Birch', activity: 'careers talk', yearGroup: 9, createdAt: '2026-02-08T10:00:00Z', status: 'open' },
        {
          id: 'r-matched',
          schoolName: 'Cedar',
          activity: 'careers talk',
          yearGroup: 9,
          createdAt: '2026-01-01T10:00:00Z',
          status: 'matched',
        },
      ],
      bookings: [
        {
          id: 'b-wait',
          state: 'accepted_by_school',
          schoolName: 'Ash',
          employerName: 'Acme',
          activity: 'CV workshop',
          startsAt: '2026-02-12T13:00:00Z',
          endsAt: '2026-02-12T14:00:00Z',
          updatedAt: '2026-02-07T09:00:00Z',
        },
        {
          id: 'b-done',
          state: 'delivered',
          schoolName: 'Birch',
          employerName: 'Acme',
          activity: 'Careers talk',
          startsAt: '2026-02-02T13:00:00Z',
          endsAt: '2026-02-02T14:00:00Z',
          updatedAt: '2026-02-02T15:00:00Z',
        },
        {
          id: 'b-confirmed-future',
          state: 'confirmed',
          schoolName: 'Birch',
          employerName: 'Acme',
          activity: 'Careers talk',
          startsAt: '2026-03-02T13:00:00Z',
          endsAt: '2026-03-02T14:00:00Z',
          updatedAt: '2026-02-02T15:00:00Z',
        },
      ],
      expiringVetting: [
        { id: 'e1', name: 'Acme', validUntil: '2026-02-20' },
        { id: 'e2', name: 'Never vetted', validUntil: null },
      ],
    });
    expect(items.map((i) => `${i.kind}:${i.id}`)).toEqual([
      'unanswered_request:r-old',
      'expiring_vetting:e1',
      'missing_attendance:b-done',
      'booking_answer:b-wait',
    ]);
    expect(items.find((i) => i.id === 'b-wait')?.who).toBe('Acme');
    expect(items.find((i) => i.id === 'r-old')?.days).toBe(21);
  });
  it('is empty when nothing waits', () => {
    expect(waitingItems({ today, unansweredAfterDays: 5, requests: [], bookings: [], expiringVetting: [] })).toEqual([]);
  });
});
