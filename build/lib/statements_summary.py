#!/usr/bin/env python3
"""Summarises pg_stat_statements for build/bench.sh --statements: each statement's calls, rows and execution time,
in all and per request of the first timed scenario, the 40 most expensive first. The counts run from that scenario's timed
window to the end of the run, so they hold the event backlog the scenario left (its deliveries) and any later
scenario: with --only, one scenario."""
import json
import sys

MAX_TEXT = 150
MAX_STATEMENTS = 40


def main(tsv_path, results_path):
    scenario = json.load(open(results_path))["scenarios"][0]
    requests = scenario["total"]["requests"] or 1
    rows = []
    for line in open(tsv_path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t", 3)
        if len(parts) == 4:
            calls, count, exec_ms, text = parts
            rows.append((int(calls), int(count), float(exec_ms), text))
    total = sum(r[2] for r in rows) or 1.0
    print(f"pg_stat_statements from the timed window of {scenario['name']} ({requests:,} requests) to the end of the run")
    print(f"all statements: {sum(r[0] for r in rows):,} calls, {total:,.0f} ms executing, "
          f"{sum(r[0] for r in rows) / requests:.1f} calls and {total / requests:.3f} ms per request\n")
    print(f"{'share':>6} {'ms/req':>7} {'calls/req':>9} {'ms/call':>8} {'rows/call':>9}  statement")
    for calls, count, exec_ms, text in rows[:MAX_STATEMENTS]:
        text = text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"
        print(f"{exec_ms / total:6.1%} {exec_ms / requests:7.3f} {calls / requests:9.2f} {exec_ms / max(calls, 1):8.3f} "
              f"{count / max(calls, 1):9.1f}  {text}")
    if len(rows) > MAX_STATEMENTS:
        rest = rows[MAX_STATEMENTS:]
        print(f"\n{len(rest)} more statements: {sum(r[0] for r in rest) / requests:.2f} calls and "
              f"{sum(r[2] for r in rest) / requests:.3f} ms per request")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
