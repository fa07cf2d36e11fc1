#!/usr/bin/env bash
# Start N Embedding Explorer replicas on 127.0.0.1:8601.. (default 2), for deploy/nginx.conf.
# Stop them with Ctrl-C. Each is a plain `streamlit run`; the first visitor of each replica
# pays for loading its corpus and model caches once.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2}"
base="${BASE_PORT:-8601}"
make -s .venv/.installed >/dev/null 2>&1 || make -s .venv/.installed
pids=()
trap 'kill "${pids[@]}" 2>/dev/null' EXIT INT TERM
for i in $(seq 0 $((n - 1))); do
    port=$((base + i))
    .venv/bin/python -m streamlit run streamlit_app.py --server.port "$port" \
        --server.address 127.0.0.1 --server.headless true >"/tmp/explorer-replica-$port.log" 2>&1 &
    pids+=($!)
    echo "replica $((i + 1)) on http://127.0.0.1:$port (log /tmp/explorer-replica-$port.log)"
done
wait
