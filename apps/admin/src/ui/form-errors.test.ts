import { describe, expect, it } from 'vitest';
import { GraphQLRequestError } from '../graphql/client';
import { errorMessage, fieldForPath, mapApiErrors, pathSegments } from './form-errors';

describe('fieldForPath', () => {
  const known = ['urn', 'windows', 'endsAt', 'yearGroups'] as const;
  it('drops indices and takes the deepest segment the form shows', () => {
    expect(pathSegments('input.windows[1].endsAt')).toEqual(['input', 'windows', 'endsAt']);
    expect(fieldForPath('input.urn', known)).toBe('urn');
    expect(fieldForPath('input.windows[1].endsAt', known)).toBe('endsAt');
    expect(fieldForPath('input.windows[1].endsAt', ['windows'] as const)).toBe('windows');
    expect(fieldForPath('input.yearGroups[0]', known)).toBe('yearGroups');
  });
  it('finds nothing for paths the form does not show', () => {
    expect(fieldForPath('input.postcode', known)).toBeUndefined();
    expect(fieldForPath(undefined, known)).toBeUndefined();
  });
});

describe('mapApiErrors', () => {
  it('puts field errors next to fields, the rest (and internal refs) on the form', () => {
    const err = new GraphQLRequestError('graphql', [
      { message: 'urn must be 6 digits (got "12345")', code: 'INVALID_URN', field: 'input.urn' },
      { message: 'second urn problem', code: 'INVALID_URN', field: 'input.urn' },
      { message: 'postcode is not a UK postcode', code: 'INVALID_POSTCODE', field: 'input.postcode' },
      { message: 'Something went wrong', code: 'INTERNAL', correlationId: 'c-9' },
    ]);
    expect(mapApiErrors(err, ['urn', 'name'] as const)).toEqual({
      fields: { urn: 'urn must be 6 digits (got "12345")' },
      form: ['postcode is not a UK postcode', 'Something went wrong (ref c-9)'],
    });
  });
  it('places validation details one by one, and codes without a field where the form says', () => {
    const err = new GraphQLRequestError('graphql', [
      {
        message: 'two problems',
        code: 'VALIDATION_FAILED',
        details: [
          { field: 'input.windows[0].endsAt', code: 'INVALID_WINDOW', message: 'ends before it starts' },
          { field: 'input.pupilCount', code: 'INVALID_NUMBER', message: 'pupilCount must be at least 1' },
        ],
      },
      { message: 'That URN is already in the hub', code: 'DUPLICATE_URN' },
    ]);
    expect(mapApiErrors(err, ['windows', 'pupilCount', 'urn'] as const, { DUPLICATE_URN: 'urn' })).toEqual({
      fields: { windows: 'ends before it starts', pupilCount: 'pupilCount must be at least 1', urn: 'That URN is already in the hub' },
      form: [],
    });
  });
  it('never shows a raw exception to the user', () => {
    expect(mapApiErrors(new TypeError('x is undefined'), ['a'] as const)).toEqual({
      fields: {},
      form: ['Something went wrong. Try again.'],
    });
    expect(errorMessage(new TypeError('boom'))).toBe('Something went wrong. Try again.');
    expect(errorMessage(new GraphQLRequestError('network', [{ message: 'Could not reach Tandem.', code: 'NETWORK_ERROR' }]))).toBe(
      'Could not reach Tandem.',
    );
  });
});
