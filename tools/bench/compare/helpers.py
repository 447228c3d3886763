#!/usr/bin/env python3
"""Helpers for tools/bench/compare.sh (a benchmark, not a test). Standard library only.

  helpers.py csv CORPUS_DIR OUT.csv
      the *.jsonl.gz files of CORPUS_DIR, in name order, as CSV rows (id, date, type, title,
      body) for PostgreSQL's COPY, as ../shared/bench/pg.sh writes them; prints
      "docs N text_bytes B" (B: UTF-8 bytes of title + text)
  helpers.py port
      a free TCP port on 127.0.0.1
  helpers.py sample PIDFILE OUT [INTERVAL]
      until killed, every INTERVAL seconds (default 0.2): the process whose pid is on the
      first line of PIDFILE (the postmaster) and all its children; rewrites OUT with the peaks
      seen: sum of Pss (smaps_rollup), sum of Rss, the largest VmHWM of one process, samples
  helpers.py pgbench-log FILE...
      per-transaction logs of pgbench --log (3rd column: latency in us): prints
      "transactions N p50_ms A p99_ms B mean_ms C"
  helpers.py sphinx-sql QUERIES.txt OUT.sql
      one SphinxQL statement per query, exactly as ../shared/bench/sphinx.sh query writes them
      (top 10 by the default ranker + SNIPPET() of each hit's stored text)
  helpers.py sphinx-1 QUERIES.sql PORT SECONDS
      one client for SECONDS (wall time) on one `mysql` connection to 127.0.0.1:PORT, cycling
      through the statements from the first; each statement is followed by SHOW META LIKE
      'time' (the end marker, ~0.1 ms, as in sphinx.sh); prints
      "requests N duration_s S rps R p50_ms A p99_ms B errors E"
Percentiles are nearest-rank on the sorted latencies.
"""
import csv
import glob
import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time


def pct(sorted_values, fraction):
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * fraction // 1))  # ceil(n * f), at least 1
    return sorted_values[int(rank) - 1]


def cmd_csv(corpus, out_path):
    docs = text_bytes = 0
    with open(out_path, "w", newline="", encoding="utf-8") as out:
        w = csv.writer(out)
        for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl.gz"))):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    d = json.loads(line)
                    docs += 1
                    title, text = d.get("title", "") or "", d["text"]
                    text_bytes += len(title.encode()) + len(text.encode())
                    w.writerow([d.get("id", ""), d.get("date") or None, d.get("type", ""),
                                d.get("title", ""), text])
    print("docs %d text_bytes %d" % (docs, text_bytes))


def cmd_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
    s.close()


def read_kb(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cmd_sample(pidfile, out_path, interval):
    with open(pidfile) as f:
        root = int(f.readline())
    peak = {"pss_kb": 0, "rss_kb": 0, "max_hwm_kb": 0, "samples": 0, "max_processes": 0}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    while not stop:
        pids = [root]
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open("/proc/%s/stat" % entry) as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                if ppid == root:
                    pids.append(int(entry))
        pss = rss = 0
        for pid in pids:
            pss += read_kb("/proc/%d/smaps_rollup" % pid, "Pss:")
            rss += read_kb("/proc/%d/status" % pid, "VmRSS:")
            peak["max_hwm_kb"] = max(peak["max_hwm_kb"], read_kb("/proc/%d/status" % pid, "VmHWM:"))
        peak["pss_kb"] = max(peak["pss_kb"], pss)
        peak["rss_kb"] = max(peak["rss_kb"], rss)
        peak["max_processes"] = max(peak["max_processes"], len(pids))
        peak["samples"] += 1
        with open(out_path + ".tmp", "w") as f:
            f.write(" ".join("%s %d" % kv for kv in peak.items()) + "\n")
        os.replace(out_path + ".tmp", out_path)
        if not os.path.exists("/proc/%d" % root):
            break
        time.sleep(interval)


def cmd_pgbench_log(paths):
    lat = []
    for path in paths:
        with open(path) as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 3 and fields[2].isdigit():
                    lat.append(int(fields[2]) / 1000.0)
    lat.sort()
    mean = sum(lat) / len(lat) if lat else float("nan")
    print("transactions %d p50_ms %.3f p99_ms %.3f mean_ms %.3f" % (
        len(lat), pct(lat, .50), pct(lat, .99), mean))


def cmd_sphinx_sql(queries_path, out_path):
    # The same statements as ../shared/bench/sphinx.sh query (SNIPPETS unset); compare.sh
    # checks with cmp that the file is byte-identical to the one sphinx.sh writes.
    def esc_match(q):
        return "".join("\\" + c if c in '\\()|-!@~/^$=<&' else c for c in q)

    def sql_lit(s):
        return "'" + s.replace('\\', '\\\\').replace("'", "\\'") + "'"

    with open(out_path, "w", encoding="utf-8") as out:
        for line in open(queries_path, encoding="utf-8"):
            line = line.strip()
            if not line:
                continue
            m = sql_lit(esc_match(line))
            snip = ", SNIPPET(text, %s, 'limit_words=35', 'query_mode=1') AS snip" % m
            out.write("SELECT id, docid, WEIGHT() AS w%s FROM parl WHERE MATCH(%s) LIMIT 10;\n"
                      % (snip, m))


def cmd_sphinx_1(sql_path, port, seconds):
    qs = [l.strip() for l in open(sql_path, encoding="utf-8") if l.strip()]
    err_path = sql_path + ".stderr"
    with open(err_path, "w") as err:
        p = subprocess.Popen(["mysql", "-h127.0.0.1", "-P" + port, "--protocol=tcp", "-B", "-N",
                              "-n", "--force"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=err, text=True, bufsize=1)
        lat = []
        start = time.perf_counter()
        i = 0
        while time.perf_counter() - start < seconds:
            t0 = time.perf_counter()
            p.stdin.write(qs[i] + "\nSHOW META LIKE 'time';\n")
            p.stdin.flush()
            while True:
                line = p.stdout.readline()
                if not line:
                    raise SystemExit("sphinx-1: mysql exited")
                if line.startswith("time\t"):
                    break
            lat.append((time.perf_counter() - t0) * 1e3)
            i = (i + 1) % len(qs)
        duration = time.perf_counter() - start
        p.stdin.close()
        p.wait()
    errors = sum(1 for l in open(err_path) if l.startswith("ERROR"))
    lat.sort()
    print("requests %d duration_s %.3f rps %.1f p50_ms %.3f p99_ms %.3f errors %d" % (
        len(lat), duration, len(lat) / duration, pct(lat, .50), pct(lat, .99), errors))


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "csv" and len(args) == 2:
        cmd_csv(*args)
    elif cmd == "port" and not args:
        cmd_port()
    elif cmd == "sample" and len(args) in (2, 3):
        cmd_sample(args[0], args[1], float(args[2]) if len(args) == 3 else 0.2)
    elif cmd == "pgbench-log" and args:
        cmd_pgbench_log(args)
    elif cmd == "sphinx-sql" and len(args) == 2:
        cmd_sphinx_sql(*args)
    elif cmd == "sphinx-1" and len(args) == 3:
        cmd_sphinx_1(args[0], args[1], float(args[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
