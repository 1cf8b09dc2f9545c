#!/usr/bin/env bash
# Runs a command where keytar can reach a Secret Service: a private D-Bus session bus with
# gnome-keyring-daemon unlocked by a throwaway password. Usage: bash test/with-keyring.sh CMD [ARGS...]
# Exits with the command's exit code; leaves no keyring or bus daemon running.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

secrets_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

# Windows and macOS have their own keychain, always there: nothing to start.
if [[ "$(uname -s)" != Linux ]]; then
  exec "$@"
fi

# A desktop session (or an outer run of this script) already offers the Secret Service: use it as is.
if [[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" && -z "${PONTE_KEYRING_INNER:-}" ]] && secrets_owned; then
  exec "$@"
fi

if [[ -z "${PONTE_KEYRING_INNER:-}" ]]; then
  # dbus-run-session owns the bus daemon and stops it when this script's second half exits.
  PONTE_KEYRING_INNER=1 exec dbus-run-session -- bash "$0" "$@"
fi
unset PONTE_KEYRING_INNER

# The keyring files and control socket go to a temp dir so a run never touches the user's real
# keyring (~/.local/share/keyrings). Only the daemon sees the changed XDG variables: the command keeps
# HOME and XDG_* so it behaves as it would for the user.
keyring_home="$(mktemp -d "${TMPDIR:-/tmp}/ponte-keyring.XXXXXX")"
keyring_pid=''

cleanup() {
  if [[ -n "$keyring_pid" ]]; then
    kill "$keyring_pid" 2>/dev/null || true
    # Reaping it here, rather than leaving it to PID 1, means no zombie outlives the run.
    wait "$keyring_pid" 2>/dev/null || true
  fi
  rm -rf "$keyring_home"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --foreground keeps the daemon our child so cleanup can stop it by PID; --unlock reads the password
# from stdin and creates the default "login" keyring with it on first use.
head -c 24 /dev/urandom | base64 | tr -d '\n' |
  XDG_DATA_HOME="$keyring_home" XDG_RUNTIME_DIR="$keyring_home" \
    gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
keyring_pid=$!

for _ in $(seq 1 100); do
  secrets_owned && break
  if ! kill -0 "$keyring_pid" 2>/dev/null; then
    echo "with-keyring: gnome-keyring-daemon exited before owning org.freedesktop.secrets" >&2
    exit 1
  fi
  sleep 0.1
done
if ! secrets_owned; then
  echo "with-keyring: org.freedesktop.secrets not owned after 10 s" >&2
  exit 1
fi

set +e
"$@"
status=$?
set -e
exit "$status"
