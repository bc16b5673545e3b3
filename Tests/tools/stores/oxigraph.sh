#!/usr/bin/env bash
# A private Oxigraph server on 127.0.0.1, for the store tests and by hand.
#
#   oxigraph.sh start DIR [OWNER_PID [PORT]]
#                                       start it with its data in DIR/data on PORT, or a free port;
#                                       prints its base URL (http://127.0.0.1:PORT) once it answers
#                                       (Graph Store: BASE/store, SPARQL: BASE/query);
#                                       with OWNER_PID, it is stopped when that process is gone
#   oxigraph.sh stop DIR                stop it (TERM, then KILL after 10 s)
#
# Needs the `oxigraph` command (pip install oxigraph; Tests/tools/install-test-deps.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

oxigraph_command() {
  if command -v oxigraph >/dev/null 2>&1; then command -v oxigraph; return; fi
  local s
  s="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/oxigraph"
  if [ -x "$s" ]; then echo "$s"; return; fi
  echo "oxigraph.sh: the oxigraph command is not installed (pip install oxigraph)" >&2
  exit 2
}

case "${1:-}" in
  start)
    dir=${2:?usage: oxigraph.sh start DIR [OWNER_PID]}
    owner=${3:-}
    fixed_port=${4:-}
    bin=$(oxigraph_command)
    mkdir -p "$dir/data"
    for attempt in 1 2 3; do
      port=${fixed_port:-$(free_port)}
      (close_inherited_fds; exec_with_default_signals "$bin" serve --location "$dir/data" --bind "127.0.0.1:$port") </dev/null >"$dir/server.log" 2>&1 &
      pid=$!
      echo "$pid" > "$dir/server.pid"
      echo "$port" > "$dir/port"
      if wait_http "http://127.0.0.1:$port/query?query=ASK%7B%7D" 30 "$pid"; then
        start_watchdog "$owner" "$pid" "$dir/watchdog.pid"
        echo "http://127.0.0.1:$port"
        exit 0
      fi
      stop_pid "$pid" 5
      rm -f "$dir/server.pid"
      # The port may have been taken between the check and the bind: try another.
      [ -z "$fixed_port" ] && grep -qi "address already in use\|addrinuse" "$dir/server.log" || break
    done
    echo "oxigraph.sh: Oxigraph did not start; its log says:" >&2
    tail -n 20 "$dir/server.log" >&2 || true
    exit 1
    ;;
  stop)
    dir=${2:?usage: oxigraph.sh stop DIR}
    stop_recorded "$dir" 10
    ;;
  *)
    echo "usage: oxigraph.sh start DIR [OWNER_PID [PORT]] | stop DIR" >&2
    exit 2
    ;;
esac
