# Shared by .ci/smoke, .ci/bench-startup and .ci/bench-parts (sourced, not run).

# The `java ...` part of the README's start command ("./mvnw ... install && java ..."), with the
# repository-relative paths made absolute so it can run from any directory.
readme_start_command() {
  local root="$1" line
  line=$(grep -m1 -E '^\./mvnw .*install && java ' "$root/README.md" || true)
  [ -n "$line" ] || { echo "no './mvnw ... install && java ...' start command in README.md" >&2; return 1; }
  sed "s#api/target/#$root/api/target/#g" <<<"${line#*&& }"
}

# start_until_ready PORT COMMAND: starts COMMAND --server.port=PORT in a fresh scratch directory
# (so ./data is empty), waits for /actuator/health/readiness (at most READY_TIMEOUT s, default 60) and sets
#   APP_PID, APP_DIR (holds app.log), APP_MS (milliseconds from start to healthy).
# Returns 1 (log tail printed) if the process exits or is not healthy in time.
start_until_ready() {
  local port="$1" command="$2" start
  APP_DIR="$(mktemp -d)"
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # the command is split into words on purpose
  (cd "$APP_DIR" && exec $command --server.port="$port" > app.log 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 $(( ${READY_TIMEOUT:-60} * 10 ))); do
    if curl -sf "http://localhost:$port/actuator/health/readiness" >/dev/null; then
      APP_MS=$(( ($(date +%s%N) - start) / 1000000 ))
      return 0
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the application exited:" >&2; tail -40 "$APP_DIR/app.log" >&2; return 1; fi
    sleep 0.1
  done
  echo "not healthy in ${READY_TIMEOUT:-60} s:" >&2; tail -40 "$APP_DIR/app.log" >&2
  return 1
}

# stop_app: stops what start_until_ready started and removes its scratch directory.
stop_app() {
  if [ -n "${APP_PID:-}" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  [ -n "${APP_DIR:-}" ] && rm -rf "$APP_DIR"
  APP_PID=""; APP_DIR=""
}

# demo_token PORT ROLE: a client-credentials token of a demo client (admin, advisor, ...) from the
# embedded issuer of the application on PORT.
demo_token() {
  curl -sf -u "$2-client:$2-secret" -d grant_type=client_credentials "http://localhost:$1/oauth2/token" \
    | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
