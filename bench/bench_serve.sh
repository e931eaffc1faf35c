#!/usr/bin/env bash
# Page-image latency of `finsam serve` (issue 15: p95 <= 150 ms, rendered
# once, then cached). Ingests the corpus PDFs into a temporary database,
# starts `build/finsam serve` on a free port, fetches every page of every
# PDF twice with curl (first: rendered; second: from the cache) and prints
# p50/p95/max of each pass. ROUNDS=N repeats the cached pass N times.
# The 20-concurrent-clients check is a test:
# tests/pipeline/serve/serve_test.cc (TwentyConcurrentClientsDoNotCorruptDecisions).
set -euo pipefail
cd "$(dirname "$0")/.."
finsam=${FINSAM:-build/finsam}
tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT
"$finsam" ingest --quiet --db "$tmp/b.db" corpus/*/text.pdf
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$finsam" serve --db "$tmp/b.db" --port "$port" 2>"$tmp/serve.log" &
pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/session" >/dev/null && break; sleep 0.1; done
pages=$(sqlite3 "$tmp/b.db" "SELECT document_id || '/' || page FROM pages p JOIN documents d USING(document_id) WHERE d.format = 'pdf' ORDER BY 1")
n=$(echo "$pages" | wc -l)
pass() {
  for p in $pages; do
    curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/page/$p.png"
  done
}
stats() {  # seconds, one a line -> "p50 p95 max" in ms
  sort -n | awk '{a[NR]=$1} END {i50=int(NR*0.5+0.5); i95=int(NR*0.95+0.5); if(i95<1)i95=1;
    printf "p50 %.1f ms  p95 %.1f ms  max %.1f ms  (%d images)\n", a[i50]*1000, a[i95]*1000, a[NR]*1000, NR}'
}
echo "pages: $n (corpus PDFs), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo -n "first render: "; pass | stats
for r in $(seq "${ROUNDS:-1}"); do echo -n "cached:       "; pass | stats; done
