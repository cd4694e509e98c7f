import { describe, expect, it, vi } from 'vitest';
import { GraphQLRequestError, NETWORK_ERROR_MESSAGE, graphqlRequest, parseGraphQLErrors } from './client';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('parseGraphQLErrors', () => {
  it('reads code, field, correlationId and details from extensions', () => {
    const errors = parseGraphQLErrors([
      { message: 'email must be an email address (got "x")', extensions: { code: 'INVALID_EMAIL', field: 'input.email' } },
      { message: 'Something went wrong (ref abc)', extensions: { code: 'INTERNAL', correlationId: 'abc' } },
      {
        message: 'two problems',
        extensions: {
          code: 'VALIDATION_FAILED',
          details: [{ field: 'urn', code: 'INVALID_URN', message: 'urn must be 6 digits (got "12345")' }, { bogus: true }],
        },
      },
    ]);
    expect(errors).toEqual([
      { message: 'email must be an email address (got "x")', code: 'INVALID_EMAIL', field: 'input.email' },
      { message: 'Something went wrong (ref abc)', code: 'INTERNAL', correlationId: 'abc' },
      {
        message: 'two problems',
        code: 'VALIDATION_FAILED',
        details: [{ field: 'urn', code: 'INVALID_URN', message: 'urn must be 6 digits (got "12345")' }],
      },
    ]);
  });

  it('survives junk', () => {
    expect(parseGraphQLErrors(undefined)).toEqual([]);
    expect(parseGraphQLErrors([null, 'x'])).toEqual([
      { message: 'Something went wrong', code: 'INTERNAL' },
      { message: 'Something went wrong', code: 'INTERNAL' },
    ]);
  });
});

describe('GraphQLRequestError', () => {
  const err = new GraphQLRequestError('graphql', [
    { message: 'Enter a valid email', code: 'INVALID_EMAIL', field: 'input.email' },
    { message: 'Wrong email or password', code: 'INVALID_CREDENTIALS' },
    { message: 'second email problem', code: 'INVALID_EMAIL', field: 'email' },
    { message: 'Boom', code: 'INTERNAL', correlationId: 'c-1' },
  ]);

  it('groups messages by the last segment of the field, first one wins', () => {
    expect(err.fieldErrors()).toEqual({ email: 'Enter a valid email' });
  });

  it('keeps unplaced messages for the form, with the reference of internal errors', () => {
    expect(err.formErrors(['email'])).toEqual(['Wrong email or password', 'Boom (ref c-1)']);
    expect(err.hasCode('INVALID_CREDENTIALS')).toBe(true);
    expect(err.hasCode('FORBIDDEN')).toBe(false);
  });

  it('treats fields the form does not show as form errors', () => {
    const e = new GraphQLRequestError('graphql', [{ message: 'bad cursor', code: 'INVALID_CURSOR', field: 'after' }]);
    expect(e.formErrors(['email'])).toEqual(['bad cursor']);
  });
});

describe('graphqlRequest', () => {
  it('posts the operation with the bearer token and returns data', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ data: { me: { email: 'a@b.c' } } }));
    const data = await graphqlRequest<{ me: { email: string } }>('query { me { email } }', {}, { token: 'tok', fetchImpl });
    expect(data.me.email).toBe('a@b.c');
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/graphql');
    expect((init.headers as Record<string, string>)['authorization']).toBe('Bearer tok');
    expect(JSON.parse(init.body as string)).toEqual({ query: 'query { me { email } }', variables: {} });
  });

  it('throws the GraphQL errors even on HTTP 400 (validation)', async () => {
    const fetchImpl = vi.fn(async () =>
      jsonResponse(
        { errors: [{ message: 'Variable "$input" got invalid value', extensions: { code: 'BAD_REQUEST', field: 'input.email' } }] },
        400,
      ),
    );
    const err = await graphqlRequest('mutation', {}, { fetchImpl }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphQLRequestError);
    expect((err as GraphQLRequestError).kind).toBe('graphql');
    expect((err as GraphQLRequestError).status).toBe(400);
    expect((err as GraphQLRequestError).fieldErrors()).toEqual({ email: 'Variable "$input" got invalid value' });
  });

  it('reports an unreachable server as a network error in plain words', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(graphqlRequest('query', {}, { fetchImpl })).rejects.toMatchObject({
      kind: 'network',
      errors: [{ code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE }],
    });
  });

  it('reports a non-GraphQL server error (502 from the proxy) without leaking the body', async () => {
    const fetchImpl = vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(graphqlRequest('query', {}, { fetchImpl })).rejects.toMatchObject({
      kind: 'http',
      status: 502,
      errors: [{ code: 'HTTP_ERROR', message: 'Tandem is not answering right now. Try again in a minute.' }],
    });
  });
});
