# Shared by oxigraph.sh and virtuoso.sh: free ports, readiness, a watchdog, stopping.
# Every server these scripts start listens on 127.0.0.1 only.

# Closes every inherited descriptor but 0, 1 and 2 (and bash's own 255), in the
# subshell that becomes a background server or watchdog: a caller's pipe or
# socket held open by a server that outlives this script would make the caller
# wait for ever (Foundation's Process waits for its socket to close).
close_inherited_fds() {
  local fd n
  for fd in /proc/$BASHPID/fd/*; do
    n=${fd##*/}
    case "$n" in 0|1|2|255) continue ;; esac
    eval "exec $n>&-" 2>/dev/null || true
  done
}

# exec_with_default_signals COMMAND...: execs COMMAND with TERM, INT, HUP and
# QUIT at their defaults and no signal blocked. A test runner may have them
# blocked or ignored in the thread that started this script, and both are
# inherited across exec: a server would then ignore the TERM that stops it.
exec_with_default_signals() {
  exec python3 -c '
import os, signal, sys
for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
    signal.signal(s, signal.SIG_DFL)
signal.pthread_sigmask(signal.SIG_SETMASK, [])
os.execvp(sys.argv[1], sys.argv[1:])
' "$@"
}

# A TCP port free on 127.0.0.1 now (the kernel's choice).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# wait_http URL SECONDS PID: until URL answers 200, the process PID dies, or time runs out.
wait_http() {
  python3 - "$1" "$2" "$3" <<'PY'
import os, sys, time, urllib.request, urllib.error
url, limit, pid = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
deadline = time.monotonic() + limit
while time.monotonic() < deadline:
    try:
        state = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        state = "X"
    if state in ("Z", "X"):
        print(f"the server (process {pid}) exited while starting", file=sys.stderr)
        sys.exit(3)
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except (urllib.error.URLError, ConnectionError, OSError):
        pass
    time.sleep(0.2)
print(f"no answer from {url} within {limit:g} s", file=sys.stderr)
sys.exit(4)
PY
}

# alive PID: the process exists and is not a zombie. A server outlives the
# script that started it, so its parent is whatever reaper the system gives it,
# which may be slow to collect it (or never, while the test process runs).
alive() {
  local state
  state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# start_watchdog OWNER_PID SERVER_PID FILE: stops the server when its owner (the
# test process) is gone, so that a crashed test never leaves a server behind.
start_watchdog() {
  local owner=$1 server=$2 file=$3
  [ -n "$owner" ] || return 0
  (
    close_inherited_fds
    trap '' HUP
    while alive "$server"; do
      if ! alive "$owner"; then
        kill -TERM "$server" 2>/dev/null
        sleep 10
        kill -KILL "$server" 2>/dev/null
        exit 0
      fi
      sleep 1
    done
  ) </dev/null >/dev/null 2>&1 &
  echo $! > "$file"
}

# stop_pid PID SECONDS: TERM, then KILL after SECONDS; waits until it is gone.
stop_pid() {
  local pid=$1 limit=$2 i=0
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid"; do
    i=$((i + 1))
    if [ "$i" -gt $((limit * 5)) ]; then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      break
    fi
    sleep 0.2
  done
}

stop_recorded() {
  local dir=$1 limit=$2
  if [ -f "$dir/watchdog.pid" ]; then
    kill -TERM "$(cat "$dir/watchdog.pid")" 2>/dev/null || true
    rm -f "$dir/watchdog.pid"
  fi
  if [ -f "$dir/server.pid" ]; then
    stop_pid "$(cat "$dir/server.pid")" "$limit"
    rm -f "$dir/server.pid"
  fi
}
