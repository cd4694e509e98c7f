import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { GraphQLRequestError } from '../graphql/client';
import { renderWithStore } from '../testing/render';
import { InvitationAcceptPage } from './InvitationAcceptPage';

const preview = (state = 'PENDING', accountExists = false) => ({
  invitationPreview: {
    hubName: 'North Hub',
    role: 'COORDINATOR',
    email: 'nia@example.org',
    expiresAt: '2026-02-03T12:00:00Z',
    state,
    accountExists,
  },
});

function mockFetch(body: unknown): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ data: body }), { status: 200, headers: { 'content-type': 'application/json' } })),
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('InvitationAcceptPage', () => {
  it('says what the invitation is for and sets a password; the server’s complaint lands next to its field', async () => {
    mockFetch(preview());
    const { store } = renderWithStore(<InvitationAcceptPage token="tok" />);
    await screen.findByRole('heading', { name: 'Join North Hub' });
    expect(screen.getByText('Enterprise Coordinator')).toBeTruthy();
    const accept = vi
      .spyOn(store, 'acceptInvitation')
      .mockRejectedValueOnce(
        new GraphQLRequestError('graphql', [{ message: 'password is too common', code: 'WEAK_PASSWORD', field: 'input.password' }]),
      );
    fireEvent.change(screen.getByLabelText(/Choose a password/), { target: { value: 'a long enough phrase' } });
    fireEvent.change(screen.getByLabelText('Type the password again'), { target: { value: 'a long enough phrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set password and sign in' }));
    await screen.findByText('password is too common');
    expect(accept).toHaveBeenCalledWith({ token: 'tok', password: 'a long enough phrase' });
    await waitFor(() => expect(screen.getByLabelText(/Choose a password/).getAttribute('aria-invalid')).toBe('true'));
  });

  it('tells the invitee what to do when the link is no longer valid', async () => {
    mockFetch(preview('EXPIRED'));
    renderWithStore(<InvitationAcceptPage token="tok" />);
    await screen.findByRole('heading', { name: 'This invitation has expired' });
    expect(screen.getByText(/Ask the person who invited you to send a new one/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Set password/ })).toBeNull();
  });

  it('asks an existing account for its current password only', async () => {
    mockFetch(preview('PENDING', true));
    renderWithStore(<InvitationAcceptPage token="tok" />);
    await screen.findByLabelText('Your Tandem password');
    expect(screen.queryByLabelText('Type the password again')).toBeNull();
    expect(screen.getByRole('button', { name: 'Join the hub' })).toBeTruthy();
  });
});
