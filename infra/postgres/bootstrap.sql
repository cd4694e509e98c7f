-- Tandem database bootstrap for psql (the same as bootstrapDatabase() in
-- libs/persistence/src/bootstrap.ts, which `npm run migrate -- --bootstrap` runs).
-- Run as a superuser; idempotent. Passwords default to the role names (change them in production)
-- and are set only when a role is created: an existing role keeps its password.
--
--   psql "postgres://postgres@127.0.0.1:5432/postgres" -v db=tandem \
--        -v owner_password=tandem_owner -v app_password=tandem_app -f infra/postgres/bootstrap.sql
--   DATABASE_OWNER_URL=postgres://tandem_owner:tandem_owner@127.0.0.1:5432/tandem npm run migrate
\set ON_ERROR_STOP on
\if :{?db} \else \set db tandem \endif
\if :{?owner_password} \else \set owner_password tandem_owner \endif
\if :{?app_password} \else \set app_password tandem_app \endif

-- tandem_owner: owns the schema, runs migrations. BYPASSRLS so data migrations and the
-- SECURITY DEFINER pre-tenant look-ups see every tenant; never used by the app.
select format('create role tandem_owner password %L', :'owner_password') where not exists (select 1 from pg_roles where rolname = 'tandem_owner') \gexec
alter role tandem_owner login nosuperuser nocreatedb nocreaterole noreplication bypassrls;
-- tandem_app: what the API and worker connect as. Owns nothing; RLS always applies.
select format('create role tandem_app password %L', :'app_password') where not exists (select 1 from pg_roles where rolname = 'tandem_app') \gexec
alter role tandem_app login nosuperuser nocreatedb nocreaterole noreplication nobypassrls;

select format('create database %I owner tandem_owner encoding %L template template0', :'db', 'UTF8')
 where not exists (select 1 from pg_database where datname = :'db') \gexec
select format('alter database %I owner to tandem_owner', :'db') \gexec

\connect :db
create extension if not exists pgcrypto with schema public;
create extension if not exists citext with schema public;
select format('revoke all on database %I from public', current_database()) \gexec
select format('grant connect, temporary on database %I to tandem_app', current_database()) \gexec
select format('grant all on database %I to tandem_owner', current_database()) \gexec
alter schema public owner to tandem_owner;
revoke create on schema public from public;
grant usage on schema public to tandem_app;
alter default privileges for role tandem_owner in schema public grant select, insert, update, delete on tables to tandem_app;
alter default privileges for role tandem_owner in schema public grant usage, select on sequences to tandem_app;
alter default privileges for role tandem_owner revoke execute on functions from public;
