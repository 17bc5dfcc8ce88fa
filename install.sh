#!/usr/bin/env bash
# Installs Rasil on a fresh Debian or Ubuntu machine, or upgrades it in place when it is already installed.
# Run from the source folder as root: sudo ./install.sh [--domain chat.example.com] [--port 3000]
# Remove it again (the data stays): sudo ./install.sh --uninstall
set -Eeuo pipefail

BUN_VERSION=1.4.5
DATA_DIR=/var/lib/rasil
CONFIG_DIR=/etc/rasil
ENV_FILE=$CONFIG_DIR/rasil.env
BINARY=/usr/local/bin/rasil
UNIT_FILE=/etc/systemd/system/rasil.service
SERVICE_USER=rasil
CADDYFILE=/etc/caddy/Caddyfile
CADDY_SITE=/etc/caddy/rasil.caddy
CADDY_IMPORT="import $CADDY_SITE"
CADDYFILE_BEFORE=/etc/caddy/Caddyfile.before-rasil
CADDY_LOG=/var/log/caddy/caddy.log
PID_FILE=$DATA_DIR/rasil.pid
LOG_FILE=$DATA_DIR/rasil.log
HEALTH_TIMEOUT=60

SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CURRENT_STEP="starting"

usage() {
  cat <<'EOF'
Usage: sudo ./install.sh [options]

Installs Rasil and starts it, or upgrades an existing installation in place (the database is backed
up first). Run it again at any time to upgrade.

Options:
  --domain NAME   Serve Rasil on https://NAME through Caddy (installed from Debian's packages), which
                  gets the certificate. NAME's DNS record must already point at this machine.
  --port N        Port Rasil listens on (1024-65535, default 3000). With --domain only Caddy can reach it.
  --uninstall     Stop Rasil and remove the service, the binary, its settings file and the Caddy site.
                  The data folder /var/lib/rasil is never removed.
  --help          Show this help.
EOF
}

step() {
  CURRENT_STEP=$*
  printf '\n==> %s\n' "$*"
}
info() { printf '    %s\n' "$*"; }
fail() {
  printf '\nInstall stopped: %s\n' "$*" >&2
  exit 1
}
on_error() {
  local code=$1 line=$2
  # With errtrace the trap also runs in subshells and functions; report once, from the main shell.
  [ "$BASH_SUBSHELL" -gt 0 ] && exit "$code"
  [ -n "${ERROR_REPORTED:-}" ] && return
  ERROR_REPORTED=1
  printf '\nInstall stopped: the step "%s" failed (exit code %s, install.sh line %s).\n' "$CURRENT_STEP" "$code" "$line" >&2
  printf 'Fix the problem shown above, then run ./install.sh again (running it twice is safe).\n' >&2
}
trap 'on_error $? $LINENO' ERR

# ---------------------------------------------------------------------------------------------- options
DOMAIN=""
PORT=""
UNINSTALL=false
while [ $# -gt 0 ]; do
  case $1 in
    --domain) [ $# -ge 2 ] || fail "--domain needs a name, for example --domain chat.example.com."; DOMAIN=$2; shift 2 ;;
    --domain=*) DOMAIN=${1#*=}; shift ;;
    --port) [ $# -ge 2 ] || fail "--port needs a number, for example --port 3000."; PORT=$2; shift 2 ;;
    --port=*) PORT=${1#*=}; shift ;;
    --uninstall) UNINSTALL=true; shift ;;
    -h | --help) usage; exit 0 ;;
    *) fail "unknown option $1. Run ./install.sh --help to see the options." ;;
  esac
done
if [ -n "$PORT" ] && ! { [[ $PORT =~ ^[0-9]+$ ]] && [ "$PORT" -ge 1024 ] && [ "$PORT" -le 65535 ]; }; then
  fail "--port must be a whole number between 1024 and 65535 (use --domain to serve on ports 80 and 443)."
fi
DOMAIN=${DOMAIN,,}
if [ -n "$DOMAIN" ] && ! [[ $DOMAIN =~ ^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$ ]]; then
  fail "--domain must be a host name such as chat.example.com (no https://, no path)."
fi

# ---------------------------------------------------------------------------------------------- helpers
has_systemd() { [ -d /run/systemd/system ]; }

# KEY=value lines of the settings file, for starting rasil outside systemd.
env_file_vars() { grep -E '^RASIL_[A-Z_]+=' "$ENV_FILE" || true; }
env_value() { sed -n "s/^$1=//p" "$ENV_FILE" | tail -n 1; }

# Replaces KEY's line in the settings file, or adds it.
set_env_value() {
  local key=$1 value=$2
  if grep -q "^$key=" "$ENV_FILE"; then
    sed -i "s|^$key=.*|$key=$value|" "$ENV_FILE"
  else
    printf '%s=%s\n' "$key" "$value" >>"$ENV_FILE"
  fi
}

# Runs a rasil binary as the service user with the installed settings; files it writes are not world-readable.
as_service_user() (
  umask 027
  local vars
  mapfile -t vars < <(env_file_vars)
  if command -v runuser >/dev/null 2>&1; then
    runuser -u "$SERVICE_USER" -- env "${vars[@]}" "$@"
  else
    env "${vars[@]}" "$@"
  fi
)

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(tr -dc 0-9 <"$PID_FILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# Stops a rasil started by this script without systemd: SIGTERM, then up to 30 s for it to finish.
stop_unsupervised() {
  local pid
  pid=$(running_pid) || { info "No unsupervised Rasil is running."; return 0; }
  info "Sending SIGTERM to Rasil (pid $pid) and waiting for it to finish its requests."
  kill -TERM "$pid"
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || { info "Stopped."; return 0; }
    sleep 0.1
  done
  fail "Rasil (pid $pid) did not stop within 30 seconds; stop it by hand (kill $pid) and run ./install.sh again."
}

# The version check makes sure the answer comes from the new binary, not from a server left running.
healthy() {
  local body
  body=$(curl -fsS --max-time 2 "$LOCAL_URL/healthz" 2>/dev/null) || return 1
  [[ $body == *"\"version\":\"$NEW_VERSION\""* ]]
}

caddy_reload() {
  local output
  if ! output=$(caddy validate --config "$CADDYFILE" --adapter caddyfile 2>&1); then
    printf '%s\n' "$output" | tail -n 5 >&2
    fail "Caddy rejects $CADDYFILE (see above)."
  fi
  if has_systemd; then
    systemctl enable --quiet caddy
    if systemctl is-active --quiet caddy; then systemctl reload caddy; else systemctl start caddy; fi
    info "Caddy reloaded."
  elif caddy reload --config "$CADDYFILE" --adapter caddyfile >/dev/null 2>&1; then
    info "Caddy reloaded."
  else
    info "Caddy was not running; starting it in the background, logging to $CADDY_LOG."
    info "Not supervised: nothing restarts Caddy after a crash or a reboot."
    mkdir -p "$(dirname "$CADDY_LOG")"
    caddy start --config "$CADDYFILE" --adapter caddyfile </dev/null >>"$CADDY_LOG" 2>&1 || {
      tail -n 20 "$CADDY_LOG" >&2
      fail "Caddy did not start; its log is $CADDY_LOG."
    }
  fi
}

first_address() {
  local address
  address=$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -Ev '^(127\.|::1$|$)' | head -n 1 || true)
  case $address in
    "") echo 127.0.0.1 ;;
    *:*) echo "[$address]" ;;
    *) echo "$address" ;;
  esac
}

# ---------------------------------------------------------------------------------------------- checks
step "Checking this machine"
[ "$(id -u)" = 0 ] || fail "run this script as root, for example: sudo ./install.sh"
[ -r /etc/os-release ] || fail "cannot read /etc/os-release; this script supports Debian and Ubuntu only."
# shellcheck source=/dev/null
os_id=$(. /etc/os-release && echo "${ID:-} ${ID_LIKE:-}")
os_name=$(. /etc/os-release && echo "${PRETTY_NAME:-$ID}")
case " $os_id " in
  *" debian "* | *" ubuntu "*) info "Operating system: $os_name." ;;
  *) fail "this script supports Debian and Ubuntu; this machine runs $os_name." ;;
esac
command -v apt-get >/dev/null 2>&1 || fail "apt-get is missing; this script supports Debian and Ubuntu only."
if has_systemd; then info "systemd is running: Rasil will be a supervised service."; else info "systemd is not running (a container?): Rasil will run in the background without a supervisor."; fi

# ---------------------------------------------------------------------------------------------- uninstall
if [ "$UNINSTALL" = true ]; then
  step "Stopping Rasil"
  if has_systemd && [ -f "$UNIT_FILE" ]; then
    systemctl disable --now rasil
    info "Service stopped and disabled."
  fi
  [ -f "$PID_FILE" ] && stop_unsupervised

  step "Removing the service, the binary and the settings"
  for path in "$UNIT_FILE" "$BINARY" "$BINARY.new" "$ENV_FILE"; do
    if [ -e "$path" ]; then rm -f "$path"; info "Removed $path."; fi
  done
  [ -d "$CONFIG_DIR" ] && rmdir "$CONFIG_DIR" 2>/dev/null && info "Removed $CONFIG_DIR."
  has_systemd && systemctl daemon-reload

  if [ -f "$CADDY_SITE" ]; then
    step "Removing the Caddy site"
    rm -f "$CADDY_SITE"
    info "Removed $CADDY_SITE."
    if [ -f "$CADDYFILE_BEFORE" ] && [ "$(cat "$CADDYFILE")" = "$CADDY_IMPORT" ]; then
      mv -f "$CADDYFILE_BEFORE" "$CADDYFILE"
      info "Put back the Caddyfile that was there before Rasil."
    else
      sed -i "\\#^$CADDY_IMPORT\$#d" "$CADDYFILE"
      info "Removed the import line from $CADDYFILE."
    fi
    # In a subshell: a Caddy problem is reported but does not stop the uninstall.
    if command -v caddy >/dev/null 2>&1; then (caddy_reload) || info "Caddy could not be reloaded; check $CADDYFILE."; fi
  fi

  step "Done"
  info "Rasil is uninstalled. Your data stays in $DATA_DIR (rasil.db, media/, backups/)."
  info "The system user '$SERVICE_USER' that owns it is kept too. Delete both by hand only if you are sure:"
  info "  rm -rf $DATA_DIR && userdel $SERVICE_USER"
  exit 0
fi

# ---------------------------------------------------------------------------------------------- prerequisites
step "Installing prerequisites"
[ -f "$SOURCE_DIR/package.json" ] && [ -f "$SOURCE_DIR/bun.lock" ] || fail "run install.sh from the Rasil source folder (package.json and bun.lock not found in $SOURCE_DIR)."
missing=()
for pkg in ca-certificates curl; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
[ -n "$DOMAIN" ] && ! command -v caddy >/dev/null 2>&1 && missing+=(caddy)
bun_path=$(command -v bun || true)
if [ -z "$bun_path" ] || [ "$("$bun_path" --version 2>/dev/null)" != "$BUN_VERSION" ]; then
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  info "Installing with apt: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  info "Everything needed is already installed."
fi

step "Checking Bun $BUN_VERSION"
if [ -n "$bun_path" ] && [ "$("$bun_path" --version 2>/dev/null)" = "$BUN_VERSION" ]; then
  BUN=$bun_path
  info "Found bun $BUN_VERSION at $BUN."
else
  info "Installing bun $BUN_VERSION with npm (found: ${bun_path:-none})."
  npm install --global --no-fund --no-audit --loglevel=error "bun@$BUN_VERSION"
  BUN="$(npm prefix --global)/bin/bun"
  [ "$("$BUN" --version 2>/dev/null)" = "$BUN_VERSION" ] || fail "npm installed bun, but $BUN does not report version $BUN_VERSION."
  info "Installed bun $BUN_VERSION at $BUN."
fi

# ---------------------------------------------------------------------------------------------- build
# Build as the owner of the source folder, so a later `bun run test` by that user is not blocked by root-owned files.
owner=$(stat -c %U "$SOURCE_DIR")
build() {
  if [ "$owner" != root ] && command -v runuser >/dev/null 2>&1 && runuser -u "$owner" -- test -x "$BUN"; then
    (cd "$SOURCE_DIR" && runuser -u "$owner" -- env "HOME=$(getent passwd "$owner" | cut -d: -f6)" "PATH=$(dirname "$BUN"):$PATH" "$@")
  else
    (cd "$SOURCE_DIR" && env "PATH=$(dirname "$BUN"):$PATH" "$@")
  fi
}
step "Installing dependencies from the lockfile"
build "$BUN" install --frozen-lockfile
step "Building the rasil binary"
build "$BUN" run build
NEW_BINARY=$SOURCE_DIR/dist/rasil
[ -x "$NEW_BINARY" ] || fail "the build did not produce $NEW_BINARY."
NEW_VERSION=$("$NEW_BINARY" version | cut -d' ' -f2)
info "Built rasil $NEW_VERSION."

# ---------------------------------------------------------------------------------------------- user and folders
step "Creating the '$SERVICE_USER' system user and $DATA_DIR"
if id "$SERVICE_USER" >/dev/null 2>&1; then
  info "User '$SERVICE_USER' already exists."
else
  useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home --shell /usr/sbin/nologin "$SERVICE_USER"
  info "Created system user '$SERVICE_USER'."
fi
install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 750 "$DATA_DIR"
install -d -o "$SERVICE_USER" -g "$SERVICE_USER" -m 750 "$DATA_DIR/backups"
info "$DATA_DIR is owned by $SERVICE_USER, mode 750."

step "Writing the settings file $ENV_FILE"
install -d -o root -g "$SERVICE_USER" -m 750 "$CONFIG_DIR"
if [ -f "$ENV_FILE" ]; then
  info "Keeping the existing settings file."
else
  cat >"$ENV_FILE" <<EOF
# Rasil settings, read by the service at start. Change a value, then restart Rasil.
# Every setting is listed in README.md ("Configuration").
RASIL_DATA_DIR=$DATA_DIR
RASIL_PORT=3000
RASIL_HOST=0.0.0.0
# The address people and Meta use to reach Rasil; ./install.sh --domain NAME sets it to https://NAME.
RASIL_PUBLIC_URL=
RASIL_TRUST_PROXY=false
RASIL_LOG_LEVEL=info
EOF
  info "Wrote the default settings."
fi
[ -n "$PORT" ] && set_env_value RASIL_PORT "$PORT" && info "RASIL_PORT=$PORT"
if [ -n "$DOMAIN" ]; then
  set_env_value RASIL_PUBLIC_URL "https://$DOMAIN"
  set_env_value RASIL_TRUST_PROXY true
  set_env_value RASIL_HOST 127.0.0.1
  info "RASIL_PUBLIC_URL=https://$DOMAIN, RASIL_TRUST_PROXY=true, RASIL_HOST=127.0.0.1 (only Caddy reaches Rasil)."
fi
chown root:"$SERVICE_USER" "$ENV_FILE"
chmod 640 "$ENV_FILE"
PORT=$(env_value RASIL_PORT)
PORT=${PORT:-3000}
# Where this script reaches Rasil: loopback unless the settings bind it to one address.
local_host=$(env_value RASIL_HOST)
local_host=${local_host#[}
local_host=${local_host%]}
case $local_host in
  "" | 0.0.0.0 | ::) local_host=127.0.0.1 ;;
  *:*) local_host="[$local_host]" ;;
esac
LOCAL_URL="http://$local_host:$PORT"

# ---------------------------------------------------------------------------------------------- upgrade
# `rasil backup` copies while the server runs and never migrates. The installed (old) binary makes the copy
# when there is one; after an --uninstall that kept the data, the new one does, before it first serves.
backup_database() {
  step "Backing up the database before the upgrade"
  local backup
  backup=$DATA_DIR/backups/rasil-manual-$(date -u +%Y-%m-%dT%H-%M-%SZ)-pre_upgrade.db
  local output
  if ! output=$(as_service_user "$BINARY" backup "$backup" 2>&1); then
    printf '%s\n' "$output" | sed 's/^/    /' >&2
    fail "the database could not be backed up, so nothing was changed. If the message above names a setting, fix it in $ENV_FILE."
  fi
  printf '%s\n' "$output" | sed 's/^/    /'
  info "Backup kept at $backup."
}
had_binary=false
[ -x "$BINARY" ] && had_binary=true
# Files left by a rasil command run as root (rasil.db-wal, a backup…) would lock the service user out.
chown -R "$SERVICE_USER:$SERVICE_USER" "$DATA_DIR"
[ "$had_binary" = true ] && [ -f "$DATA_DIR/rasil.db" ] && backup_database

step "Installing the binary at $BINARY"
install -m 755 "$NEW_BINARY" "$BINARY.new"
# rename() is atomic: a running server keeps its old file, the next start gets the new one.
mv -f "$BINARY.new" "$BINARY"
info "Installed rasil $NEW_VERSION."
[ "$had_binary" = false ] && [ -f "$DATA_DIR/rasil.db" ] && backup_database

# ---------------------------------------------------------------------------------------------- start
if has_systemd; then
  step "Installing the systemd service"
  # A server this script started before systemd was running (or by hand) would hold the port.
  systemctl is-active --quiet rasil || stop_unsupervised
  cat >"$UNIT_FILE" <<EOF
[Unit]
Description=Rasil, a WhatsApp team inbox
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=$SERVICE_USER
Group=$SERVICE_USER
EnvironmentFile=$ENV_FILE
ExecStart=$BINARY serve
Restart=on-failure
RestartSec=2
KillSignal=SIGTERM
TimeoutStopSec=30
UMask=0027
LimitNOFILE=65536
# Hardening. MemoryDenyWriteExecute is left out on purpose: Bun's JIT needs writable, executable memory.
NoNewPrivileges=true
ProtectSystem=strict
ReadWritePaths=$DATA_DIR
PrivateTmp=true
PrivateDevices=true
ProtectHome=true
ProtectKernelTunables=true
ProtectKernelModules=true
ProtectKernelLogs=true
ProtectControlGroups=true
ProtectClock=true
ProtectHostname=true
RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX
RestrictNamespaces=true
RestrictRealtime=true
RestrictSUIDSGID=true
LockPersonality=true
SystemCallArchitectures=native
ProtectProc=invisible
RemoveIPC=true
CapabilityBoundingSet=
AmbientCapabilities=

[Install]
WantedBy=multi-user.target
EOF
  info "Wrote $UNIT_FILE."
  systemctl daemon-reload
  systemctl enable --quiet rasil
  systemctl restart rasil
  info "Service enabled and (re)started."
else
  step "Starting Rasil in the background (no systemd here)"
  stop_unsupervised
  mapfile -t vars < <(env_file_vars)
  runner=()
  command -v runuser >/dev/null 2>&1 && runner=(runuser -u "$SERVICE_USER" --) || info "runuser is missing: Rasil runs as root."
  touch "$LOG_FILE" && chown "$SERVICE_USER:$SERVICE_USER" "$LOG_FILE" && chmod 640 "$LOG_FILE"
  # setsid + nohup: the server outlives this shell and its terminal. Rasil writes its own pid file.
  (
    umask 027
    exec setsid nohup "${runner[@]}" env "${vars[@]}" "$BINARY" serve
  ) </dev/null >>"$LOG_FILE" 2>&1 &
  SERVER_PID=$!
  info "Started. Log: $LOG_FILE. Pid file: $PID_FILE."
  info "Not supervised: nothing restarts Rasil after a crash or a reboot; run ./install.sh again to start it."
fi

step "Waiting for Rasil to answer on $LOCAL_URL/healthz"
show_log_tail() {
  printf '\nThe last lines of its log:\n' >&2
  if has_systemd; then journalctl -u rasil -n 40 --no-pager >&2 || true; else tail -n 40 "$LOG_FILE" >&2 || true; fi
}
deadline=$((SECONDS + HEALTH_TIMEOUT))
until healthy; do
  if { [ -n "${SERVER_PID:-}" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; } || { has_systemd && systemctl is-failed --quiet rasil; }; then
    show_log_tail
    fail "Rasil stopped during start-up; the log above says why."
  fi
  if [ $SECONDS -ge $deadline ]; then
    show_log_tail
    fail "Rasil did not answer within $HEALTH_TIMEOUT seconds."
  fi
  sleep 0.5
done
info "Healthy: $(curl -fsS "$LOCAL_URL/healthz")"

# ---------------------------------------------------------------------------------------------- caddy
if [ -n "$DOMAIN" ]; then
  step "Configuring Caddy for https://$DOMAIN"
  cat >"$CADDY_SITE" <<EOF
# Written by Rasil's install.sh; ./install.sh --uninstall removes it.
$DOMAIN {
	encode zstd gzip
	reverse_proxy 127.0.0.1:$PORT
}
EOF
  if ! grep -qxF "$CADDY_IMPORT" "$CADDYFILE" 2>/dev/null; then
    if [ -f "$CADDYFILE" ] && ! dpkg --verify caddy 2>/dev/null | grep -q " $CADDYFILE\$"; then
      # The package's untouched example site would compete for port 80; keep it aside for --uninstall.
      mv "$CADDYFILE" "$CADDYFILE_BEFORE"
      info "Moved Debian's example Caddyfile to $CADDYFILE_BEFORE."
    fi
    printf '%s\n' "$CADDY_IMPORT" >>"$CADDYFILE"
  fi
  caddy_reload
  info "Caddy serves https://$DOMAIN and gets its certificate once DNS points here (ports 80 and 443 must be open)."
  URL="https://$DOMAIN"
else
  URL="http://$(first_address):$PORT"
fi

step "Done"
info "Rasil is running: $URL"
if curl -fsS -o /dev/null -w '%{redirect_url}' "$LOCAL_URL/" | grep -q '/setup$'; then
  info "Open it to create the owner account."
else
  info "Open it and sign in."
fi
info "Settings: $ENV_FILE. Data: $DATA_DIR. Upgrade: run ./install.sh again. Remove: ./install.sh --uninstall."
