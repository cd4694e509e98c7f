#!/usr/bin/env bash
# `npm run dev`: everything up with demo data; Ctrl-C stops it all. See docs/operations.md.
#   npm run dev [-- --no-seed] [-- --reset] [-- --embedded]
#   --no-seed   do not seed even if the database has no tenants
#   --reset     drop and recreate the dev database (embedded mode: delete .tandem/pglite) first
#   --embedded  use embedded PostgreSQL (PGlite) even if a real one could be had
# Modes: SERVICES (real PostgreSQL + Redis, installed/started by infra/scripts/ensure-services.sh when
# root with apt-get) or EMBEDDED (PGlite over a local socket, queues in PostgreSQL: QUEUE_BACKEND=postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

seed=1 reset=0 force_embedded=0
for arg in "$@"; do
  case "$arg" in
    --no-seed) seed=0 ;;
    --reset) reset=1 ;;
    --embedded) force_embedded=1 ;;
    *) echo "dev: unknown option $arg (use --no-seed, --reset, --embedded)" >&2; exit 2 ;;
  esac
done

LOGS=.tandem/logs
mkdir -p "$LOGS"
PIDS=()
NAMES=()
say() { echo "[dev] $*"; }

cleanup() {
  trap - INT TERM EXIT
  if [ "${#PIDS[@]}" -gt 0 ]; then
    say "stopping ${NAMES[*]}"
    local i
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do kill -TERM -- "-${PIDS[$i]}" 2>/dev/null || true; done
    for _ in $(seq 50); do
      local alive=0
      for i in "${!PIDS[@]}"; do kill -0 -- "-${PIDS[$i]}" 2>/dev/null && alive=1; done
      [ "$alive" = 0 ] && break
      sleep 0.2
    done
    for i in "${!PIDS[@]}"; do kill -KILL -- "-${PIDS[$i]}" 2>/dev/null || true; done
  fi
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

# start <name> <command...>: background child in its own process group (setsid), log in .tandem/logs.
start() {
  local name="$1"; shift
  : >"$LOGS/$name.log"
  setsid "$@" >>"$LOGS/$name.log" 2>&1 &
  PIDS+=("$!"); NAMES+=("$name")
  say "started $name (pid $!, log $LOGS/$name.log)"
}
# wait_until <name> <seconds> <check command...>
wait_until() {
  local name="$1" secs="$2"; shift 2
  local i
  for ((i = 0; i < secs * 2; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    # stop waiting early if the child died
    local j
    for j in "${!NAMES[@]}"; do
      if [ "${NAMES[$j]}" = "$name" ] && ! kill -0 "${PIDS[$j]}" 2>/dev/null; then
        say "!! $name exited; last lines of $LOGS/$name.log:"; tail -n 20 "$LOGS/$name.log" >&2; return 1
      fi
    done
    sleep 0.5
  done
  say "!! $name not healthy after ${secs}s; last lines of $LOGS/$name.log:"; tail -n 20 "$LOGS/$name.log" >&2
  return 1
}
http_ok() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))' "$1"; }
tcp_ok() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ts() { node -r ./scripts/register.js "$@"; }

# ---- dependencies ----
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing dependencies (npm install)"
  npm install --no-audit --no-fund
fi

# ---- services or embedded ----
TANDEM_PG_STATUS=missing TANDEM_REDIS_STATUS=missing
if [ "$force_embedded" = 0 ]; then
  # shellcheck source=../infra/scripts/ensure-services.sh
  source infra/scripts/ensure-services.sh --optional || true
fi
DB=tandem
if [ "$TANDEM_PG_STATUS" = ok ]; then
  DB_MODE=services
  SUPERUSER_URL="$TEST_DATABASE_SUPERUSER_URL"
  pg_hostport="$(node -e 'const u=new URL(process.argv[1]);console.log(u.host)' "$SUPERUSER_URL")"
else
  DB_MODE=embedded
  EMBEDDED_PG_PORT="${EMBEDDED_PG_PORT:-54329}"
  export EMBEDDED_PG_PORT
  if [ "$reset" = 1 ]; then rm -rf .tandem/pglite; say "reset: deleted .tandem/pglite"; fi
  start pglite node -r ./scripts/register.js scripts/embedded/pglite-server.ts --port "$EMBEDDED_PG_PORT" --data .tandem/pglite
  wait_until pglite 60 grep -q listening "$LOGS/pglite.log"
  SUPERUSER_URL="postgres://postgres@127.0.0.1:$EMBEDDED_PG_PORT/postgres"
  pg_hostport="127.0.0.1:$EMBEDDED_PG_PORT"
fi
if [ "$TANDEM_REDIS_STATUS" = ok ]; then
  export QUEUE_BACKEND="${QUEUE_BACKEND:-redis}"
else
  export QUEUE_BACKEND=postgres
fi
echo
echo "=================================================================="
if [ "$DB_MODE" = services ]; then
  echo "  MODE: SERVICES - PostgreSQL at $pg_hostport, queues: $QUEUE_BACKEND"
else
  echo "  MODE: EMBEDDED - PGlite at $pg_hostport (data .tandem/pglite), queues in PostgreSQL"
  [ "$force_embedded" = 1 ] && echo "  (forced with --embedded)" || echo "  (no PostgreSQL could be had: not root, no apt-get, or install failed)"
fi
echo "=================================================================="
echo

export DATABASE_URL="${DATABASE_URL:-postgres://tandem_app:${DATABASE_APP_PASSWORD:-tandem_app}@$pg_hostport/$DB}"
export DATABASE_OWNER_URL="${DATABASE_OWNER_URL:-postgres://tandem_owner:${DATABASE_OWNER_PASSWORD:-tandem_owner}@$pg_hostport/$DB}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:1025}"
export MAIL_FROM="${MAIL_FROM:-Tandem <no-reply@tandem.localhost>}"
# Keys for access tokens and emailed links: made once per machine into the ignored .tandem/ folder
# (never committed; production refuses every committed value, see docs/security.md).
if [ ! -f .tandem/dev-keys.env ]; then
  key() { node -e 'process.stdout.write(require("crypto").randomBytes(36).toString("base64url"))'; }
  (umask 077; printf 'ACCESS_TOKEN_KEYS=dev1:%s\nLINK_KEYS=dev1:%s\n' "$(key)" "$(key)" >.tandem/dev-keys.env)
  say "made per-machine keys in .tandem/dev-keys.env"
fi
while IFS='=' read -r name value; do
  [ -n "$name" ] && [ -z "${!name:-}" ] && export "$name=$value"
done <.tandem/dev-keys.env
export PUBLIC_APP_URL="${PUBLIC_APP_URL:-http://localhost:5173}"
export PUBLIC_API_URL="${PUBLIC_API_URL:-http://localhost:3000}"
export TANDEM_DB_MODE="$DB_MODE"
if [ "$DB_MODE" = embedded ]; then
  # BullMQ's PostgreSQL backend: PGlite ignores the search_path start-up option, so use `public`.
  export QUEUE_PG_SCHEMA=public
  # The embedded session is shared by all connections; see scripts/embedded/pglite-server.ts.
  export DATABASE_SET_ROLE=tandem_app
fi

# ---- database: bootstrap, migrate, seed ----
bootstrap_args=("$SUPERUSER_URL" "$DB")
[ "$reset" = 1 ] && [ "$DB_MODE" = services ] && bootstrap_args+=(--reset)
rc=0; ts scripts/db-bootstrap.ts "${bootstrap_args[@]}" || rc=$?
if [ "$rc" = 3 ]; then say "SKIPPED database bootstrap (bootstrapDatabase not exported by @tandem/persistence yet)"
elif [ "$rc" != 0 ]; then say "!! database bootstrap failed"; exit 1; fi

[ "$DB_MODE" = embedded ] && ts scripts/embedded/set-session-role.ts "$SUPERUSER_URL" tandem_owner
if [ -f libs/persistence/src/cli/migrate.ts ]; then
  say "migrating"; npm run --silent migrate
else
  say "SKIPPED migrations (libs/persistence/src/cli/migrate.ts does not exist yet)"
fi
if [ "$seed" = 0 ]; then
  say "seed: skipped (--no-seed)"
elif [ ! -f scripts/seed.ts ]; then
  say "SKIPPED seed (scripts/seed.ts does not exist yet)"
else
  tenants="$(node -e '
    const { Client } = require("pg"); const c = new Client({ connectionString: process.argv[1] });
    c.connect().then(() => c.query("select count(*)::int as n from tenants"))
      .then((r) => console.log(r.rows[0].n), () => console.log(0)).finally(() => c.end());' "$DATABASE_OWNER_URL")"
  if [ "$tenants" = 0 ]; then say "seeding demo data"; npm run --silent seed
  else say "seed: skipped (database already has $tenants tenant(s))"; fi
fi
if [ "$QUEUE_BACKEND" = postgres ]; then
  # BullMQ's PostgreSQL tables, created by the owner (the app role may not create objects). PGlite has
  # one database, `postgres`, where only its superuser may create a schema: reset the shared role.
  [ "$DB_MODE" = embedded ] && ts scripts/embedded/set-session-role.ts "$SUPERUSER_URL" reset
  ts scripts/queue-migrate.ts "$DATABASE_OWNER_URL" "${QUEUE_PG_SCHEMA:-bullmq}"
fi
[ "$DB_MODE" = embedded ] && ts scripts/embedded/set-session-role.ts "$SUPERUSER_URL" tandem_app

# ---- applications ----
declare -A URLS=()
if [ -f scripts/mail-catcher.ts ]; then
  start mail node -r ./scripts/register.js scripts/mail-catcher.ts
  wait_until mail 30 http_ok http://localhost:1080 && URLS[mail]="http://localhost:1080 (SMTP 127.0.0.1:1025)"
else say "SKIPPED mail catcher (scripts/mail-catcher.ts does not exist yet)"; fi
if [ -f apps/api/src/main.ts ]; then
  start api node -r ./scripts/register.js apps/api/src/main.ts
  wait_until api 90 http_ok http://localhost:3000/health && URLS[api]="http://localhost:3000/graphql (health /health)"
else say "SKIPPED API (apps/api/src/main.ts does not exist yet)"; fi
if [ -f apps/worker/src/main.ts ]; then
  start worker node -r ./scripts/register.js apps/worker/src/main.ts
  sleep 2; kill -0 "${PIDS[-1]}" 2>/dev/null && URLS[worker]="running (log $LOGS/worker.log)" || say "!! worker exited, see $LOGS/worker.log"
else say "SKIPPED worker (apps/worker/src/main.ts does not exist yet)"; fi
if [ -f apps/admin/vite.config.mts ]; then
  start admin node_modules/.bin/vite --config apps/admin/vite.config.mts --port 5173 --strictPort
  wait_until admin 60 tcp_ok 5173 && URLS[admin]="http://localhost:5173"
else say "SKIPPED admin app (apps/admin/vite.config.mts does not exist yet)"; fi

echo
echo "=================================================================="
echo "  Tandem dev ($DB_MODE mode, queues: $QUEUE_BACKEND)"
for k in admin api mail worker; do [ -n "${URLS[$k]:-}" ] && printf '  %-7s %s\n' "$k" "${URLS[$k]}"; done
if [ -f .tandem/demo-logins.txt ]; then echo "  Demo log-ins:"; sed 's/^/    /' .tandem/demo-logins.txt
else echo "  (no .tandem/demo-logins.txt: demo log-ins appear here once the seed writes them)"; fi
echo "  Logs: $ROOT/$LOGS/*.log    Stop: Ctrl-C"
echo "=================================================================="
if [ "${#PIDS[@]}" = 0 ]; then say "nothing to run yet"; exit 0; fi
# Stay in the foreground until Ctrl-C / TERM, or until a child dies.
wait -n || true
say "a process exited; stopping everything (see $LOGS/)"
exit 1
