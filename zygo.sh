#!/usr/bin/env bash
# Zygo's front door on a developer machine or server.
#   ./zygo.sh run    set up what is missing, then start Zygo on SQLite with the demo data
#   ./zygo.sh test   set up what is missing (Chromium for browser tests), then run every test
# Settings: ZYGO_URLS (default http://localhost:5080), and any Zygo__* / Database__* environment variable.
set -euo pipefail
cd "$(dirname "$0")"

configuration=${ZYGO_CONFIGURATION:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1;34mzygo:\033[0m %s\n' "$*" >&2; }

need_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    say "the .NET 10 SDK is required: https://learn.microsoft.com/dotnet/core/install/linux"
    exit 1
  fi
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

need_chromium() {
  if command -v chromium >/dev/null 2>&1; then return; fi
  say "installing Chromium for the browser tests (apt)"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
    || { say "could not install chromium; install it with: apt-get install chromium"; exit 1; }
}

need_python() {
  # The code node runs Python in a python3 subprocess; its tests need one.
  if command -v python3 >/dev/null 2>&1; then return; fi
  say "installing python3 for the code node (apt)"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 >/dev/null \
    || { say "could not install python3; install it with: apt-get install python3"; exit 1; }
}

need_bubblewrap() {
  # The code node confines Python with bubblewrap (Zygo:Code:PythonSandbox); its tests need it.
  if command -v bwrap >/dev/null 2>&1; then return; fi
  say "installing bubblewrap, the sandbox for Python code (apt)"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null \
    || { say "could not install bubblewrap; install it with: apt-get install bubblewrap"; return 1; }
}

need_node() {
  # The build bundles the workflow canvas (Zygo.Web/Client) with npm and esbuild.
  if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then return; fi
  say "installing Node.js and npm to bundle the workflow canvas (apt)"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null \
    || { say "could not install Node.js; install it with: apt-get install nodejs npm"; exit 1; }
}

restore() {
  dotnet tool restore >/dev/null
  dotnet restore Zygo.Blazor.sln --verbosity quiet
}

case "${1:-run}" in
  run)
    need_dotnet
    # Optional for running: without it Python code runs unconfined and the log says so.
    need_bubblewrap || true
    need_node
    restore
    urls=${ZYGO_URLS:-http://localhost:5080}
    say "starting Zygo on $urls (data in ${Zygo__DataPath:-./data}; first start prints the demo sign-in)"
    exec dotnet run --project Zygo.Web -c "$configuration" --no-restore --no-launch-profile --urls "$urls"
    ;;
  test)
    need_dotnet
    need_chromium
    need_python
    need_bubblewrap
    need_node
    restore
    dotnet build Zygo.Blazor.sln -c "$configuration" --no-restore
    results=TestResults
    rm -rf "$results"
    status=0
    dotnet test Zygo.Blazor.sln -c "$configuration" --no-build --logger "console;verbosity=minimal" \
      --logger "trx;LogFileName=zygo.trx" --results-directory "$results" || status=$?
    # Failed tests and one plain closing line, after everything the runner printed.
    if [ -f "$results/zygo.trx" ]; then python3 scripts/trx-summary.py "$results/zygo.trx"; fi
    exit "$status"
    ;;
  *)
    echo "usage: ./zygo.sh [run|test]" >&2
    exit 2
    ;;
esac
