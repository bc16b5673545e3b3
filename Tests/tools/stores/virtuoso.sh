#!/usr/bin/env bash
# A private Virtuoso (Debian's virtuoso-opensource) under DIR, on 127.0.0.1 only,
# for the store tests and by hand.
#
#   VIRTUOSO_DBA_PASSWORD=... virtuoso.sh start DIR [OWNER_PID]
#       makes DIR/virtuoso.ini from the package's, with the database in DIR/db and
#       both ports (SQL and HTTP) on 127.0.0.1, free ones; starts virtuoso-t; waits
#       until /sparql answers; changes the dba password to $VIRTUOSO_DBA_PASSWORD
#       through isql-vt and checks that the old one is refused. Prints the HTTP base
#       URL (http://127.0.0.1:PORT: SPARQL at BASE/sparql, Graph Store with digest at
#       BASE/sparql-graph-crud-auth). With OWNER_PID, it is stopped when that process is gone.
#   virtuoso.sh stop DIR
#       stops it (TERM, which checkpoints; KILL after 30 s).
#
# The password goes to isql-vt on its standard input, never on a command line.
# isql-vt exits 0 even when its SQL fails, so results are checked, not exit codes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

ini_source=/usr/share/virtuoso-opensource-7/virtuoso.ini

case "${1:-}" in
  start)
    dir=${2:?usage: virtuoso.sh start DIR [OWNER_PID]}
    owner=${3:-}
    password=${VIRTUOSO_DBA_PASSWORD:?set VIRTUOSO_DBA_PASSWORD to the dba password to set}
    for c in virtuoso-t isql-vt; do
      command -v "$c" >/dev/null 2>&1 || { echo "virtuoso.sh: $c is not installed (apt-get install virtuoso-opensource)" >&2; exit 2; }
    done
    [ -f "$ini_source" ] || { echo "virtuoso.sh: $ini_source is missing (apt-get install virtuoso-opensource)" >&2; exit 2; }
    case "$password" in *[\;\'\"\\[:space:]]*) echo "virtuoso.sh: use a password without quotes, semicolons, backslashes or spaces" >&2; exit 2;; esac
    dir=$(mkdir -p "$dir" && cd "$dir" && pwd)
    mkdir -p "$dir/db" "$dir/vsp"
    for attempt in 1 2 3; do
      sql_port=$(free_port)
      http_port=$(free_port)
      [ "$sql_port" != "$http_port" ] || continue
      # Section-aware rewrite of the package's ini: database files under DIR/db,
      # both listeners on 127.0.0.1, no zeroconf announcement, modest memory.
      awk -v db="$dir/db" -v vsp="$dir/vsp" -v sql="$sql_port" -v http="$http_port" -v dir="$dir" '
        /^\[/ { section = $0 }
        /^[ \t]*(DatabaseFile|ErrorLogFile|LockFile|TransactionFile|xa_persistent_file)[ \t]*=/ {
          n = split($0, kv, "="); v = kv[2]; gsub(/[ \t]/, "", v); sub(/.*\//, "", v)
          key = $1; print key " = " db "/" v; next }
        section == "[Parameters]" && /^[ \t]*ServerPort[ \t]*=/ { print "ServerPort = 127.0.0.1:" sql; next }
        section == "[Parameters]" && /^[ \t]*DirsAllowed[ \t]*=/ { print "DirsAllowed = ., " dir ", /usr/share/virtuoso-opensource-7/vad"; next }
        section == "[Parameters]" && /^[ \t]*NumberOfBuffers[ \t]*=/ { print "NumberOfBuffers = 10000"; next }
        section == "[Parameters]" && /^[ \t]*MaxDirtyBuffers[ \t]*=/ { print "MaxDirtyBuffers = 6000"; next }
        section == "[HTTPServer]" && /^[ \t]*ServerPort[ \t]*=/ { print "ServerPort = 127.0.0.1:" http; next }
        section == "[HTTPServer]" && /^[ \t]*ServerRoot[ \t]*=/ { print "ServerRoot = " vsp; next }
        section == "[URIQA]" && /^[ \t]*DefaultHost[ \t]*=/ { print "DefaultHost = 127.0.0.1:" http; next }
        section == "[Zero Config]" && /^[ \t]*ServerName[ \t]*=/ { print ";" $0; next }
        { print }
      ' "$ini_source" > "$dir/virtuoso.ini"
      echo "$http_port" > "$dir/http_port"
      echo "$sql_port" > "$dir/sql_port"
      (close_inherited_fds; cd "$dir" && exec_with_default_signals virtuoso-t +configfile "$dir/virtuoso.ini" +foreground) </dev/null >"$dir/server.log" 2>&1 &
      pid=$!
      echo "$pid" > "$dir/server.pid"
      if wait_http "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" 120 "$pid"; then
        start_watchdog "$owner" "$pid" "$dir/watchdog.pid"
        # The dba password: set it, then check that the new one logs in and the old one no longer does.
        out=$(printf "USER_SET_PASSWORD('dba', '%s');\n" "$password" | isql-vt "127.0.0.1:$sql_port" dba dba 2>&1 || true)
        if ! grep -q "^Done\." <<<"$out" || grep -q "\*\*\* Error" <<<"$out"; then
          echo "virtuoso.sh: changing the dba password failed; isql-vt said:" >&2
          echo "$out" | grep -v -F "$password" >&2
          stop_recorded "$dir" 30
          exit 1
        fi
        old=$(isql-vt "127.0.0.1:$sql_port" dba dba exec="select 1;" 2>&1 || true)
        if ! grep -q "Bad login" <<<"$old"; then
          echo "virtuoso.sh: the old dba password still logs in after the change" >&2
          stop_recorded "$dir" 30
          exit 1
        fi
        echo "http://127.0.0.1:$http_port"
        exit 0
      fi
      stop_pid "$pid" 10
      rm -f "$dir/server.pid"
      grep -qi "address already in use\|Failed to start listening\|bind" "$dir/server.log" "$dir/db/virtuoso.log" 2>/dev/null || break
    done
    echo "virtuoso.sh: Virtuoso did not start; its logs say:" >&2
    tail -n 20 "$dir/server.log" "$dir/db/virtuoso.log" >&2 2>/dev/null || true
    exit 1
    ;;
  stop)
    dir=${2:?usage: virtuoso.sh stop DIR}
    stop_recorded "$dir" 30
    ;;
  *)
    echo "usage: VIRTUOSO_DBA_PASSWORD=... virtuoso.sh start DIR [OWNER_PID] | virtuoso.sh stop DIR" >&2
    exit 2
    ;;
esac
