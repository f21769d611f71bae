#!/usr/bin/env bash
# Runs Bulwark on this machine: the server (with its embedded MariaDB), a local node enrolled
# with it, and the console. Data lives in $BULWARK_HOME (default ~/.bulwark). Closing the console
# stops the node and the server. Options: --no-console (server + node only, until Ctrl-C),
# --no-build (use what the last build produced).
set -euo pipefail
top="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$top"
console=yes build=yes
for arg in "$@"; do
  case "$arg" in
    --no-console) console=no ;;
    --no-build) build=no ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

bash releng/scripts/install-deps.sh run
if [ $build = yes ]; then
  echo "Building Bulwark (first time: a few minutes, Maven fetches its artifacts)..."
  ./mvnw -B -q install -DskipTests
fi

home="${BULWARK_HOME:-$HOME/.bulwark}"
mkdir -p "$home/server" "$home/node"
chmod 700 "$home"
[ -f "$home/server.properties" ] || cat > "$home/server.properties" <<PROPS
# Bulwark server configuration; every key and its default: docs/configuration.md
data.dir=$home/server
http.host=127.0.0.1
http.port=${BULWARK_HTTP_PORT:-8080}
db.mode=embedded
PROPS
[ -f "$home/node.properties" ] || cat > "$home/node.properties" <<PROPS
# Bulwark node configuration; keys: node-daemon/node/README.md
data.dir=$home/node
name=$(hostname)
ssh.host=127.0.0.1
ssh.port=${BULWARK_SSH_PORT:-2222}
PROPS

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM

wait_for_file() { # FILE SECONDS PID WHAT
  for _ in $(seq 1 "$(( $2 * 5 ))"); do
    [ -s "$1" ] && return 0
    kill -0 "$3" 2>/dev/null || { echo "The $4 stopped; its log: $home/$4.log" >&2; tail -20 "$home/$4.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "The $4 did not get ready in $2 s; its log: $home/$4.log" >&2; exit 1
}

rm -f "$home/server/server.url" "$home/node/ssh.port"
releng/server/target/bulwark-server/bin/bulwark-server --config "$home/server.properties" >"$home/server.log" 2>&1 &
pids+=($!)
wait_for_file "$home/server/server.url" 180 $! server
url="$(cat "$home/server/server.url")"
echo "Server ready at $url (log: $home/server.log)"

releng/node/target/bulwark-node/bin/bulwark-node --config "$home/node.properties" >"$home/node.log" 2>&1 &
pids+=($!)
wait_for_file "$home/node/ssh.port" 60 $! node
echo "Node ready on SSH port $(cat "$home/node/ssh.port") (log: $home/node.log)"

password_file="$home/server/initial-admin-password"
if [ -s "$password_file" ]; then
  echo "Log in as 'admin' with the one-time password: $(cat "$password_file")"
fi
if [ -s "$home/node/enrollment-token" ]; then
  password="${BULWARK_ADMIN_PASSWORD:-$(cat "$password_file" 2>/dev/null || true)}"
  [ -n "$password" ] || { echo "Set BULWARK_ADMIN_PASSWORD to enroll the local node." >&2; exit 1; }
  json() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p"; }
  token="$(curl -fsS -H 'Content-Type: application/json' \
      --data "{\"username\":\"admin\",\"password\":\"$password\"}" "$url/api/v1/auth/login" | json token)"
  curl -fsS -o /dev/null -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      --data "{\"name\":\"$(hostname)\",\"host\":\"127.0.0.1\",\"sshPort\":$(cat "$home/node/ssh.port"),\"enrollmentToken\":\"$(cat "$home/node/enrollment-token")\"}" \
      "$url/api/v1/nodes"
  echo "Local node enrolled."
fi

if [ $console = no ]; then
  echo "Server and node run; Ctrl-C stops them."
  wait -n "${pids[@]}"
  exit 0
fi
if [ -z "${DISPLAY:-}" ]; then
  echo "No DISPLAY: the console runs on a virtual display (Xvfb :77)."
  Xvfb :77 -screen 0 1600x1000x24 >/dev/null 2>&1 &
  pids+=($!)
  export DISPLAY=:77
fi
releng/org.bulwark.console.product/target/products/org.bulwark.console.product/linux/gtk/x86_64/bulwark-console
