import { DomainError } from '@tandem/domain';
import { parseCreateHubInput, parseSlug } from './hub-rules';

describe('parseSlug', () => {
  it('accepts lower-case letters, digits and inner hyphens, lower-casing what it is given', () => {
    expect(parseSlug('leeds-city-region')).toBe('leeds-city-region');
    expect(parseSlug(' Leeds2 ')).toBe('leeds2');
    expect(parseSlug('a')).toBe('a');
    expect(parseSlug('a'.repeat(63))).toHaveLength(63);
  });

  it.each([['-leeds'], ['leeds-'], ['leeds city'], ['leeds_city'], [''], ['a'.repeat(64)], [42]])(
    'refuses %p, naming the field',
    (value) => {
      expect(() => parseSlug(value, 'input.slug')).toThrow(expect.objectContaining({ code: 'INVALID_TEXT', field: 'input.slug' }));
    },
  );
});

describe('parseCreateHubInput', () => {
  it('reads name, slug and the first admin’s email', () => {
    expect(parseCreateHubInput({ name: ' Leeds City Region ', slug: 'Leeds', firstAdminEmail: 'Ada@Example.org' })).toEqual({
      name: 'Leeds City Region',
      slug: 'leeds',
      firstAdminEmail: 'ada@example.org',
    });
  });

  it('reports every problem at once', () => {
    try {
      parseCreateHubInput({ name: '', slug: 'no way', firstAdminEmail: 'nobody' });
      throw new Error('expected a DomainError');
    } catch (e) {
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
      expect((e as DomainError).details?.map((d) => [d.field, d.code])).toEqual([
        ['input.name', 'INVALID_TEXT'],
        ['input.slug', 'INVALID_TEXT'],
        ['input.firstAdminEmail', 'INVALID_EMAIL'],
      ]);
    }
  });
});
