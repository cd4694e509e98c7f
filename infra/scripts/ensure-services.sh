#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer, installing and starting
# them from Debian's packages when they are missing and we are root with apt-get. Idempotent: on a
# machine where both already run it only checks them (well under a second).
#
#   bash infra/scripts/ensure-services.sh [--with-chromium] [--with-pgbouncer] [--optional]
#   source infra/scripts/ensure-services.sh [--with-chromium] [--with-pgbouncer] [--optional]   # also exports the vars
#
# --with-chromium  also install Debian's `chromium` when /usr/bin/chromium is missing (browser tests)
# --with-pgbouncer also install Debian's `pgbouncer` binary when missing (the PgBouncer tests and
#                  `npm run soak` start their own pgbouncer process on a free port; no system-wide
#                  pgbouncer service is started or configured)
# --optional       do not fail when a service cannot be had; report it in TANDEM_PG_STATUS /
#                  TANDEM_REDIS_STATUS (`ok` or `missing`) instead (scripts/dev.sh uses this to fall
#                  back to embedded mode)
#
# Exports: TEST_DATABASE_SUPERUSER_URL (default postgres://postgres@127.0.0.1:5432/postgres),
#          REDIS_URL (default redis://127.0.0.1:6379), TANDEM_PG_STATUS, TANDEM_REDIS_STATUS.
#
# Authentication choice: on a cluster THIS script installs, it adds `trust` for 127.0.0.1/32 and ::1
# at the top of pg_hba.conf (loopback only; the server listens on localhost only, Debian's default).
# That matches the CI/dev machines that come with PostgreSQL pre-installed. A cluster that already
# existed is never reconfigured: if it needs a password, set TEST_DATABASE_SUPERUSER_URL yourself.
# Prints one line per service: "<Service>: already running" / "started" / "installed and started".

_tandem_ensure_services() {
  local with_chromium=0 with_pgbouncer=0 optional=0 arg
  for arg in "$@"; do
    case "$arg" in
      --with-chromium) with_chromium=1 ;;
      --with-pgbouncer) with_pgbouncer=1 ;;
      --optional) optional=1 ;;
      *) echo "ensure-services: unknown option $arg" >&2; return 2 ;;
    esac
  done

  local pg_host=127.0.0.1 pg_port="${TANDEM_PG_PORT:-5432}" redis_host=127.0.0.1 redis_port="${TANDEM_REDIS_PORT:-6379}"
  local timeout="${TANDEM_SERVICE_TIMEOUT:-60}"
  local apt_updated=0 failed=0
  export TEST_DATABASE_SUPERUSER_URL="${TEST_DATABASE_SUPERUSER_URL:-postgres://postgres@${pg_host}:${pg_port}/postgres}"
  export REDIS_URL="${REDIS_URL:-redis://${redis_host}:${redis_port}}"

  _can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }
  _apt_install() {
    if [ "$apt_updated" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
      apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  }
  # Installs a package that ships a daemon without starting it (we only want its tools):
  # policy-rc.d exit 101 tells invoke-rc.d "not now"; removed again afterwards.
  _apt_install_quiet_service() {
    local policy=/usr/sbin/policy-rc.d had_policy=0 rc=0
    [ -e "$policy" ] && had_policy=1
    if [ "$had_policy" = 0 ]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod +x "$policy"; fi
    _apt_install "$@" || rc=$?
    [ "$had_policy" = 1 ] || rm -f "$policy"
    return "$rc"
  }
  _pg_up() {
    if command -v pg_isready >/dev/null 2>&1; then
      pg_isready -q -h "$pg_host" -p "$pg_port" >/dev/null 2>&1
    else
      (exec 3<>"/dev/tcp/$pg_host/$pg_port") 2>/dev/null
    fi
  }
  _redis_up() (
    # Speak RESP over bash's /dev/tcp so redis-cli is not needed (subshell: a failed connect stays here).
    reply=""
    exec 3<>"/dev/tcp/$redis_host/$redis_port" || exit 1
    printf 'PING\r\n' >&3
    IFS= read -r -t 2 reply <&3 || true
    [ "${reply%$'\r'}" = "+PONG" ]
  ) 2>/dev/null
  _wait_for() { # name check-function
    local i=0
    while ! "$2"; do
      i=$((i + 1))
      if [ "$i" -ge "$timeout" ]; then
        echo "$1: did not answer within ${timeout}s" >&2
        return 1
      fi
      sleep 1
    done
  }
  _pg_start_clusters() {
    local ver
    command -v pg_ctlcluster >/dev/null 2>&1 || return 1
    [ -d /etc/postgresql ] || return 1
    ver="$(ls /etc/postgresql | sort -V | tail -n 1)"
    [ -n "$ver" ] || return 1
    if [ ! -f "/etc/postgresql/$ver/main/postgresql.conf" ]; then
      pg_createcluster "$ver" main >/dev/null || return 1
    fi
    pg_ctlcluster --skip-systemctl-redirect "$ver" main start >/dev/null 2>&1 || true
    _wait_for PostgreSQL _pg_up
  }
  _pg_trust_loopback() {
    local ver hba
    ver="$(ls /etc/postgresql | sort -V | tail -n 1)"
    hba="/etc/postgresql/$ver/main/pg_hba.conf"
    if ! grep -q '# tandem: trust loopback' "$hba"; then
      { echo '# tandem: trust loopback (added by infra/scripts/ensure-services.sh for a dev/CI cluster)'
        echo 'host all all 127.0.0.1/32 trust'
        echo 'host all all ::1/128 trust'
        cat "$hba"; } >"$hba.tandem" && mv "$hba.tandem" "$hba"
      chown postgres:postgres "$hba" 2>/dev/null || true
      pg_ctlcluster --skip-systemctl-redirect "$ver" main reload >/dev/null 2>&1 || true
    fi
  }

  # ---- PostgreSQL ----
  export TANDEM_PG_STATUS=missing
  if _pg_up; then
    echo "PostgreSQL: already running at $pg_host:$pg_port"
    TANDEM_PG_STATUS=ok
  elif [ -d /etc/postgresql ] && [ "$(id -u)" = 0 ] && _pg_start_clusters; then
    echo "PostgreSQL: started (installed cluster was stopped)"
    TANDEM_PG_STATUS=ok
  elif _can_apt; then
    if _apt_install postgresql && _pg_start_clusters; then
      _pg_trust_loopback
      echo "PostgreSQL: installed and started ($(ls /etc/postgresql | sort -V | tail -n 1)/main, trust on loopback)"
      TANDEM_PG_STATUS=ok
    else
      echo "PostgreSQL: install or start FAILED (apt-get install postgresql / pg_ctlcluster)" >&2
    fi
  else
    echo "PostgreSQL: not running at $pg_host:$pg_port and cannot install it (needs root and apt-get)" >&2
  fi
  if [ "$TANDEM_PG_STATUS" = ok ] && command -v psql >/dev/null 2>&1; then
    if ! psql "$TEST_DATABASE_SUPERUSER_URL" -XAtqc 'select 1' >/dev/null 2>&1; then
      echo "PostgreSQL: answers, but cannot log in with TEST_DATABASE_SUPERUSER_URL=$TEST_DATABASE_SUPERUSER_URL (set it to a superuser URL that works)" >&2
      TANDEM_PG_STATUS=missing
    fi
  fi
  [ "$TANDEM_PG_STATUS" = ok ] || failed=1

  # ---- Redis ----
  export TANDEM_REDIS_STATUS=missing
  local redis_how=""
  if _redis_up; then
    echo "Redis: already running at $redis_host:$redis_port"
    TANDEM_REDIS_STATUS=ok
  else
    if ! command -v redis-server >/dev/null 2>&1; then
      if _can_apt && _apt_install redis-server; then redis_how="installed and started"; fi
    else
      redis_how="started"
    fi
    if [ -n "$redis_how" ] && command -v redis-server >/dev/null 2>&1; then
      # The package's own init may have started one already; only start ours if nothing answers.
      local redis_log="${TMPDIR:-/tmp}/tandem-redis-$(id -u).log" started=1
      _redis_up || redis-server --daemonize yes --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
        --dir "${TMPDIR:-/tmp}" --logfile "$redis_log" >/dev/null 2>&1 || started=0
      if [ "$started" = 1 ] && _wait_for Redis _redis_up; then
        echo "Redis: $redis_how (127.0.0.1:$redis_port, no persistence, log $redis_log)"
        TANDEM_REDIS_STATUS=ok
      else
        echo "Redis: start FAILED (redis-server --daemonize; see $redis_log)" >&2
      fi
    else
      echo "Redis: not running at $redis_host:$redis_port and cannot install it (needs root and apt-get)" >&2
    fi
  fi
  [ "$TANDEM_REDIS_STATUS" = ok ] || failed=1

  # ---- Chromium (browser tests only) ----
  if [ "$with_chromium" = 1 ]; then
    if [ -x /usr/bin/chromium ]; then
      echo "Chromium: already installed (/usr/bin/chromium)"
    elif _can_apt && _apt_install chromium; then
      echo "Chromium: installed (/usr/bin/chromium)"
    else
      echo "Chromium: missing and could not be installed; browser tests will fail or skip" >&2
    fi
  fi

  # ---- PgBouncer binary (tests and the soak spawn their own; never a system service) ----
  if [ "$with_pgbouncer" = 1 ]; then
    if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then
      echo "PgBouncer: already installed ($(command -v pgbouncer || echo /usr/sbin/pgbouncer))"
    elif _can_apt; then
      # Debian's package would start a pgbouncer service on 127.0.0.1:6432: a temporary policy-rc.d
      # (exit 101 = "do not start") stops that when the machine has none; one it has is left alone.
      local policy=/usr/sbin/policy-rc.d ours=0
      if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && ours=1; fi
      if _apt_install pgbouncer; then
        echo "PgBouncer: installed (/usr/sbin/pgbouncer, no service started)"
      else
        echo "PgBouncer: install FAILED (apt-get install pgbouncer); the PgBouncer tests will fail" >&2
        failed=1
      fi
      [ "$ours" = 1 ] && rm -f "$policy"
    else
      echo "PgBouncer: missing and cannot install it (needs root and apt-get); the PgBouncer tests will fail" >&2
      failed=1
    fi
  fi

  # ---- promtool (the metrics and alert-rule tests check their output with it) ----
  if command -v promtool >/dev/null 2>&1; then
    echo "promtool: already installed ($(command -v promtool))"
  elif _can_apt && _apt_install_quiet_service prometheus; then
    echo "promtool: installed (Debian package prometheus, its server not started)"
  else
    echo "promtool: missing and could not be installed; the metrics tests will fail" >&2
  fi

  if [ "$failed" = 1 ] && [ "$optional" = 0 ]; then
    echo "ensure-services: required services are not available (see above)" >&2
    return 1
  fi
  return 0
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  _tandem_ensure_services "$@"
else
  _tandem_ensure_services "$@"
fi
