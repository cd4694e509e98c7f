import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { GraphQLRequestError } from '../graphql/client';
import { LoginForm } from './LoginForm';

afterEach(cleanup);

function fill(label: RegExp, value: string): void {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

function submit(): void {
  fireEvent.click(screen.getByRole('button', { name: /sign in/i }));
}

describe('LoginForm', () => {
  it('has labelled fields and marks the hub as optional', () => {
    render(<LoginForm onSubmit={vi.fn()} />);
    expect(screen.getByLabelText(/email address/i)).toHaveProperty('type', 'email');
    expect(screen.getByLabelText(/password/i)).toHaveProperty('type', 'password');
    expect(screen.getByLabelText(/hub/i).getAttribute('aria-describedby')).toMatch(/hint/);
    expect(screen.getByText('(optional)')).toBeTruthy();
  });

  it('checks the fields before calling the server, and focuses the first problem', () => {
    const onSubmit = vi.fn();
    render(<LoginForm onSubmit={onSubmit} />);
    submit();
    expect(onSubmit).not.toHaveBeenCalled();
    const email = screen.getByLabelText(/email address/i);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter your email address')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(document.activeElement).toBe(email);
  });

  it('shows the server error next to the field it names (extensions.field), linked by aria-describedby', async () => {
    const onSubmit = vi.fn(async () => {
      throw new GraphQLRequestError('graphql', [{ message: 'No hub called "nowhere"', code: 'NOT_FOUND', field: 'input.tenantSlug' }]);
    });
    render(<LoginForm onSubmit={onSubmit} />);
    fill(/email address/i, ' ada@school.org.uk ');
    fill(/password/i, 'correct horse');
    fill(/hub/i, 'nowhere');
    submit();
    const message = await screen.findByText('No hub called "nowhere"');
    const hub = screen.getByLabelText(/hub/i);
    expect(hub.getAttribute('aria-invalid')).toBe('true');
    expect(hub.getAttribute('aria-describedby')).toContain(message.id);
    expect(screen.getByLabelText(/email address/i).getAttribute('aria-invalid')).toBeNull();
    expect(onSubmit).toHaveBeenCalledWith({ email: 'ada@school.org.uk', password: 'correct horse', tenantSlug: 'nowhere' });
    await waitFor(() => expect(document.activeElement).toBe(hub));
  });

  it('shows errors without a field (wrong credentials) as a form alert', async () => {
    const onSubmit = vi.fn(async () => {
      throw new GraphQLRequestError('graphql', [{ message: 'Email or password is wrong', code: 'INVALID_CREDENTIALS' }]);
    });
    render(<LoginForm onSubmit={onSubmit} />);
    fill(/email address/i, 'ada@school.org.uk');
    fill(/password/i, 'nope');
    submit();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Email or password is wrong'));
    expect(screen.getByLabelText(/password/i).getAttribute('aria-invalid')).toBeNull();
  });

  it('places a code that implies a field (INVALID_EMAIL) next to that field', async () => {
    const onSubmit = vi.fn(async () => {
      throw new GraphQLRequestError('graphql', [{ message: 'email must be an email address', code: 'INVALID_EMAIL' }]);
    });
    render(<LoginForm onSubmit={onSubmit} />);
    fill(/email address/i, 'ada@school.org.uk');
    fill(/password/i, 'x');
    submit();
    await screen.findByText('email must be an email address');
    expect(screen.getByLabelText(/email address/i).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('shows a loading state and ignores a second submit while signing in', async () => {
    let finish: () => void = () => undefined;
    const onSubmit = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<LoginForm onSubmit={onSubmit} />);
    fill(/email address/i, 'ada@school.org.uk');
    fill(/password/i, 'pw');
    submit();
    const button = await screen.findByRole('button', { name: 'Signing in…' });
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByLabelText(/password/i)).toHaveProperty('disabled', true);
    fireEvent.submit(button.closest('form') as HTMLFormElement);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await act(async () => finish());
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveProperty('disabled', false);
  });

  it('explains a network failure in plain words', async () => {
    const onSubmit = vi.fn(async () => {
      throw new GraphQLRequestError('network', [{ message: 'Could not reach Tandem.', code: 'NETWORK_ERROR' }]);
    });
    render(<LoginForm onSubmit={onSubmit} />);
    fill(/email address/i, 'ada@school.org.uk');
    fill(/password/i, 'pw');
    fireEvent.submit(screen.getByLabelText(/password/i).closest('form') as HTMLFormElement); // Enter in a field submits the form
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Could not reach Tandem.'));
  });
});
