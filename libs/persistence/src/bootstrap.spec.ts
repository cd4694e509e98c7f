import { assertIdentifier, bootstrapDatabaseSql, withCredentials, withDatabase } from './bootstrap';

describe('bootstrap helpers', () => {
  it('swaps database and credentials in a URL', () => {
    expect(withDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'tandem')).toBe('postgres://postgres@127.0.0.1:5432/tandem');
    expect(withCredentials('postgres://postgres@127.0.0.1:5432/tandem', 'tandem_app', 'p@ss')).toBe(
      'postgres://tandem_app:p%40ss@127.0.0.1:5432/tandem',
    );
  });
  it('refuses unsafe identifiers', () => {
    expect(assertIdentifier('tandem_test_1')).toBe('tandem_test_1');
    expect(() => assertIdentifier('x; drop database y')).toThrow(/Unsafe/);
    expect(() => bootstrapDatabaseSql('Bad-Name')).toThrow(/Unsafe/);
  });
  it('grants DML by default privileges and revokes function execute from PUBLIC', () => {
    const sql = bootstrapDatabaseSql('tandem');
    expect(sql).toMatch(
      /alter default privileges for role tandem_owner in schema public\s+grant select, insert, update, delete on tables to tandem_app/,
    );
    expect(sql).toMatch(/revoke execute on functions from public/);
  });
});
