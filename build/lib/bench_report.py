#!/usr/bin/env python3
"""Renders the load driver's JSON (and pgbench's output) as a markdown section, prints it, and with --doc puts
it at the top of the run history in docs/benchmarks.md. Called by build/bench.sh."""
import argparse
import datetime
import json
import os
import pathlib
import re

MARKER = "<!-- runs: newest first; build/bench.sh inserts new runs below this line -->"

HEADER = f"""# Benchmarks

`build/bench.sh` measures OrderHub on the machine it runs on; see the README's "Benchmarks" section for how to run
it. Each full run adds a section below, newest first, so earlier runs stay as history.

Goals for a 2-core machine shared by app, database and load driver: order intake (32 clients) at least 0.5 × the
order SQL ceiling of the same run, with p99 under 100 ms and at most 3 × p50; a return end to end in 20 ms or less
at 1 client (each step 5 ms or less on average) and each step's p99 under 50 ms at 16 clients; a hot SKU (64
clients) at 500 orders/s or more with no oversell; stock reads at least 30,000/s; zero errors; app RSS under
300 MB. Each run ends with a table saying which it met.

How the figures are taken:

- **Setup.** A Release build of the app against a throwaway PostgreSQL cluster on loopback (as `build/test.sh`
  starts it: `fsync=off`, `synchronous_commit=off`, `full_page_writes=off`), a fresh database, rate limiting
  lifted, logging at Warning. The load driver (`tools/OrderHub.LoadDriver`) runs on the same machine, so app,
  database and driver share its cores.
- **Yardsticks.** `pgbench -N -c 32 -j 2` (scale 10, separate database, same server, same duration as a scenario)
  runs first, before the app starts, and `pgbench -N -c 1` after it gives the latency of one small write
  transaction; every throughput is also given as a ratio to the 32-client TPS. The **order SQL ceiling** is
  `build/bench/order-intake-ceiling.sql`: the synchronous writes of one order hand-written on OrderHub's own
  schema (lock the 3 SKU rows in order, one conditional `UPDATE` reserving the 3 stock levels, insert the order,
  its lines, its timeline entry, 3 ledger movements and 4 outbox rows, commit), run by `pgbench -M prepared -c 32`
  on the app's database right before the intake scenario, with the same SKU draw; order intake is also given as
  a ratio to it.
- **Load.** Closed loop: each client sends its next request as soon as the previous one answered. Timed
  scenarios warm up (not recorded), then record every request for the duration. Latency runs from sending the
  request to reading the last byte of the response; percentiles are nearest-rank over all samples. Any status
  other than the expected one (or a transport error) is an error.
- **Scenarios.** *order intake*: 32 clients, orders of 3 lines, line g on a random SKU of its own group of 10
  (30 SKUs of 1,000,000 units each, so nothing runs out). *hot SKU*: 64 clients ordering 1 unit of the same SKU;
  afterwards its reserved units must have grown by exactly the orders created and stay within on hand.
  *stock reads*: 64 clients reading `GET /api/v1/inventory/{{sku}}` for random seeded SKUs. *return flow*: 16 clients, then 1 client
  alone, each returning its own pre-delivered single-line orders one after another (the first few per
  client warm up and are not recorded): create (the benchmark's policy has no automatic approval, so the RMA
  is `Requested`), approve, dock receipt, inspection with `Restock`; each client uses its own SKU. *visibility* is the time from the inspection response to a second
  HTTP client (its own connection pool) reading the restocked unit as `available`; it includes at least one
  `GET` round trip.
- **Resources.** The app's peak RSS per scenario (VmHWM reset at the start through `/proc/PID/clear_refs`, and
  VmRSS sampled every 50 ms); CPU from `/proc` tick counts as a percentage of one core (200% = both cores of a
  2-core machine) for the app, PostgreSQL (postmaster and backends) and the driver; *other* is what the rest
  of the machine used meanwhile (processes outside the benchmark competing for the same cores); machine busy is
  over all cores. *CPU ms/req* divides CPU time by requests: unlike throughput it barely moves when other
  processes compete for the cores, so it compares runs on a busy machine. The load average when the run began
  is printed with each run: figures taken on a busy machine are lower bounds.
- **Event delivery.** Integration events (outbox rows) are delivered after each commit, off the request path.
  After each scenario the driver counts the events still pending in every module's outbox and waits until
  they are delivered before the next scenario starts; both figures are in the table (*events pending at end*,
  *delivered after s*), so a scenario's throughput never hides a delivery backlog it leaves behind. The last
  column, *CPU ms/req with its events*, is the app's and the database's CPU from the scenario's start until its
  events were delivered, per request: what a request costs with its event delivery, wherever that fell, so builds
  that deliver more or less of it inside the timed window compare fairly.
- **Profiling.** `build/bench.sh --profile` samples the app with `perf` (CPU clock, 499 Hz, JIT symbols from the
  runtime's perf map) and summarises the hottest methods, self and inclusive, in `artifacts/bench/profile.txt`;
  `--only` and `--warmup` narrow a run to some scenarios and lengthen the warm-up.

{MARKER}
"""


def machine():
    cores = os.cpu_count()
    try:
        cores = int(os.popen("nproc").read().strip())
    except ValueError:
        pass
    mem_kb = 0
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return cores, mem_kb / 1024 / 1024, model


def pgbench(path):
    text = pathlib.Path(path).read_text()
    tps = re.search(r"^tps = ([\d.]+)", text, re.M)
    latency = re.search(r"^latency average = ([\d.]+) ms", text, re.M)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    if not tps:
        raise SystemExit(f"no TPS in {path}:\n{text}")
    return float(tps.group(1)), float(latency.group(1)) if latency else None, int(failed.group(1)) if failed else 0


def ceiling(path):
    """TPS and average latency of the order SQL ceiling (pgbench output), or None when the run had none."""
    if not path or not pathlib.Path(path).exists():
        return None
    text = pathlib.Path(path).read_text()
    tps = re.search(r"^tps = ([\d.]+)", text, re.M)
    latency = re.search(r"^latency average = ([\d.]+) ms", text, re.M)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    if not tps:
        return None
    return float(tps.group(1)), float(latency.group(1)) if latency else None, int(failed.group(1)) if failed else 0


def of_ceiling(scenario, ceil):
    """Orders per second as a ratio to the order SQL ceiling, for the scenarios that place orders."""
    if not ceil or scenario["name"] not in ("order-intake", "hot-sku"):
        return "—"
    return f"{scenario['total']['requestsPerSecond'] / ceil[0]:.2f}"


def per_request(cpu_percent, total):
    """CPU milliseconds per request: (percent of one core / 100) × 1000 ms per second / requests per second."""
    if cpu_percent is None or not total["requestsPerSecond"]:
        return None
    return cpu_percent * 10 / total["requestsPerSecond"]


def fmt(value, digits=1):
    return "—" if value is None else f"{value:,.{digits}f}"


def render(results, args):
    cores, mem_gib, model = machine()
    tps, pg_latency, pg_failed = pgbench(args.pgbench)
    single = pgbench(args.pgbench_single) if args.pgbench_single and pathlib.Path(args.pgbench_single).exists() else None
    ceil = ceiling(args.ceiling)
    started = datetime.datetime.fromisoformat(results["startedAt"].replace("Z", "+00:00"))
    scenarios = {s["name"]: s for s in results["scenarios"]}
    kind = "quick run (smoke)" if results["quick"] else "full run"
    lines = [
        f"## {started:%Y-%m-%d %H:%M} UTC · commit {args.commit} · {kind}",
        "",
        f"Machine: {cores} cores ({model}), {mem_gib:.1f} GiB memory · PostgreSQL {args.postgres} · .NET SDK {args.dotnet} · "
        f"{results['durationSeconds']:g} s per timed scenario after {results['warmupSeconds']:g} s warm-up · "
        f"{rmas(results['seed'])}load average at start {args.load}.",
        "",
        f"Yardstick: `pgbench -N -c {args.pgbench_clients} -j 2 -T {results['durationSeconds']:g}` (scale {args.pgbench_scale}): "
        f"**{tps:,.0f} TPS**, average latency {fmt(pg_latency, 2)} ms, {pg_failed} failed"
        + (f"; `pgbench -N -c 1`: {fmt(single[1], 2)} ms per transaction ({single[0]:,.0f} TPS)." if single else "."),
        "",
    ]
    if ceil:
        c_tps, c_latency, c_failed = ceil
        c_db = ((results.get("ceiling") or {}).get("resources") or {}).get("dbCpuPercent")
        lines += [
            f"Order SQL ceiling: `pgbench -M prepared -c {args.pgbench_clients} -j 2 -f build/bench/order-intake-ceiling.sql -T {results['durationSeconds']:g}` "
            f"on the app's database, same SKU draw as intake: **{c_tps:,.0f} orders/s** ({c_tps / tps:.2f} × pgbench -N), average latency "
            f"{fmt(c_latency, 2)} ms, {c_failed} failed, DB CPU {fmt(c_db, 0)}% = {fmt(c_db * 10 / c_tps if c_db else None, 2)} ms per order.",
            "",
        ]
    lines += [
        "| scenario | clients | req/s | × pgbench TPS | × order SQL ceiling | p50 ms | p95 ms | p99 ms | max ms | errors | events pending at end | delivered after s | app peak RSS MB | app CPU | DB CPU | driver CPU | other CPU | machine busy | app CPU ms/req | DB CPU ms/req | CPU ms/req with its events (app + DB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in results["scenarios"]:
        t, r = s["total"], s["resources"]
        name = s["name"] + (" (all steps)" if s["steps"] else "")
        lines.append(
            f"| {name} | {s['clients']} | {fmt(t['requestsPerSecond'])} | {t['requestsPerSecond'] / tps:.2f} | {of_ceiling(s, ceil)} | {fmt(t['p50'], 2)} | "
            f"{fmt(t['p95'], 2)} | {fmt(t['p99'], 2)} | {fmt(t['max'], 2)} | {t['errors']} | {events(s)} | {fmt(r['appPeakRssMb'], 0)} | "
            f"{fmt(r['appCpuPercent'], 0)}% | {fmt(r['dbCpuPercent'], 0)}% | {fmt(r['driverCpuPercent'], 0)}% | {fmt(r['otherCpuPercent'], 0)}% | {fmt(r['machineBusyPercent'], 0)}% | "
            f"{fmt(per_request(r['appCpuPercent'], t), 2)} | {fmt(per_request(r['dbCpuPercent'], t), 2)} | {delivered(s)} |")
    hot = scenarios.get("hot-sku")
    if hot and hot.get("stock"):
        st = hot["stock"]
        lines += ["", f"Hot SKU: {st['ordersCreated']:,} orders created (warm-up included), reserved units grew by {st['reservedAdded']:,} "
                      f"of {st['onHand']:,} on hand: {'no oversell, no lost update' if st['consistent'] else '**inconsistent**'}."]
    for flow in (scenarios.get("return-flow-1"), scenarios.get("return-flow")):
        if not flow:
            continue
        means = sum(step["mean"] for step in flow["steps"])
        lines += [
            "",
            f"Return flow, {flow['clients']} client(s): {fmt(flow['flowsPerSecond'])} RMAs/s completed ({fmt(flow['flowsPerSecond'] / tps, 3)} × pgbench TPS) in {flow['seconds']:g} s; "
            f"one return end to end (sum of the step means) {fmt(means, 2)} ms"
            + (f" = {means / single[1]:,.0f} × one `pgbench -N -c 1` transaction" if single and single[1] else "")
            + f"; the restocked unit was available on the other client's first read after {flow['visibleOnFirstRead']} of {flow['visibility']['requests']} inspections.",
            "",
            "| step | ok | req/s | mean ms | p50 ms | p95 ms | p99 ms | max ms | errors |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for step in flow["steps"] + [flow["visibility"]]:
            label = "visibility (inspection → available to another client)" if step["name"] == "visibility" else step["name"]
            rate = "—" if step["name"] == "visibility" else fmt(step["requestsPerSecond"])
            lines.append(f"| {label} | {step['requests']} | {rate} | {fmt(step['mean'], 2)} | {fmt(step['p50'], 2)} | {fmt(step['p95'], 2)} | "
                         f"{fmt(step['p99'], 2)} | {fmt(step['max'], 2)} | {step['errors']} |")
    analytics = scenarios.get("analytics")
    if analytics:
        lines += [
            "",
            f"Returns analytics: {analytics['description']}.",
            "",
            "| route | ok | p50 ms | p90 ms | p99 ms | max ms | errors |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        lines += [f"| {step['name']} | {step['requests']} | {fmt(step['p50'], 2)} | {fmt(step['p90'], 2)} | {fmt(step['p99'], 2)} | "
                  f"{fmt(step['max'], 2)} | {step['errors']} |" for step in analytics["steps"]]
    errors = [(s["name"], k, v) for s in results["scenarios"] for k, v in s["total"]["errorKinds"].items()]
    for flow in (scenarios.get("return-flow-1"), scenarios.get("return-flow")):
        if flow:
            errors += [(flow["name"] + " visibility", k, v) for k, v in flow["visibility"]["errorKinds"].items()]
    if errors:
        lines += ["", "Errors:", ""] + [f"- {name}: {count} × `{kind.replace('`', chr(39))}`" for name, kind, count in errors[:12]]
    lines += ["", "Goals (2 cores shared by app, database and driver):", "", "| goal | figure | |", "|---|---|---|"]
    lines += [f"| {g} | {f} | {'met' if ok else '**not met**'} |" for g, f, ok in goals(scenarios, tps, ceil)]
    return "\n".join(lines) + "\n"


def rmas(seed):
    """The API seed's RMAs per client, when the run had one (the analytics scenario reads its own seed)."""
    if not seed:
        return ""
    warmup = f" after {seed['warmupRmas']} each to warm up" if "warmupRmas" in seed else ""
    single = f" and 1×{seed['singleClientRmas']}" if "singleClientRmas" in seed else ""
    return f"{seed['returnClients']}×{seed['rmasPerClient']}{single} RMAs{warmup} · "


def delivered(scenario):
    """App and database CPU per request from the scenario's start until its events were delivered."""
    d = scenario.get("delivered")
    return f"{d['appCpuMsPerRequest']:.2f} + {d['dbCpuMsPerRequest']:.2f}" if d else "—"


def events(scenario):
    """Integration events still pending when the scenario ended, and how long they took to be delivered."""
    e = scenario.get("events")
    if not e:
        return "— | —"
    return f"{e['pendingAtEnd']:,} | {fmt(e['drainSeconds'], 1) if e['drained'] else 'not within 3 min'}"


def goals(s, tps, ceil):
    out = []
    intake = s.get("order-intake")
    if intake:
        rate, p50, p99 = intake["total"]["requestsPerSecond"], intake["total"]["p50"], intake["total"]["p99"]
        if ceil:
            out.append(("order intake ≥ 0.5 × order SQL ceiling", f"{rate:,.1f} orders/s = {rate / ceil[0]:.2f} × {ceil[0]:,.0f} ({rate / tps:.3f} × pgbench -N {tps:,.0f})", rate >= 0.5 * ceil[0]))
        out.append(("order intake p99 < 100 ms", f"{p99:,.2f} ms", p99 < 100))
        out.append(("order intake p99 ≤ 3 × p50", f"{p99:,.2f} ms = {p99 / p50:.1f} × {p50:,.2f} ms" if p50 else "—", bool(p50) and p99 <= 3 * p50))
    flow1 = s.get("return-flow-1")
    if flow1:
        means = sum(st["mean"] for st in flow1["steps"])
        worst = max(flow1["steps"], key=lambda st: st["mean"])
        out.append(("a return end to end ≤ 20 ms at 1 client", f"{means:,.2f} ms", means <= 20))
        out.append(("each step ≤ 5 ms mean at 1 client", ", ".join(f"{st['name']} {st['mean']:,.2f}" for st in flow1["steps"]) + " ms", worst["mean"] <= 5))
    flow = s.get("return-flow")
    if flow:
        worst = max(flow["steps"], key=lambda st: st["p99"])
        figures = ", ".join(f"{st['name']} {st['p99']:,.2f}" for st in flow["steps"])
        out.append((f"return flow p99 < 50 ms per step at {flow['clients']} clients", f"{figures} ms", worst["p99"] < 50))
    hot = s.get("hot-sku")
    if hot:
        rate = hot["total"]["requestsPerSecond"]
        stock = hot.get("stock")
        out.append(("hot SKU ≥ 500 orders/s (64 clients)", f"{rate:,.1f} orders/s" + (f" = {rate / ceil[0]:.2f} × order SQL ceiling" if ceil else ""), rate >= 500))
        if stock:
            out.append(("hot SKU: no oversell", f"{stock['ordersCreated']:,} orders, {stock['reservedAdded']:,} units reserved, {stock['onHand']:,} on hand", stock["consistent"]))
    reads = s.get("stock-reads")
    if reads:
        rate = reads["total"]["requestsPerSecond"]
        out.append(("stock reads ≥ 30,000/s", f"{rate:,.1f}/s = {rate / tps:.2f} × pgbench -N", rate >= 30000))
    analytics = s.get("analytics")
    if analytics:
        routes = [st for st in analytics["steps"] if "clients" not in st["name"]]
        worst = max(routes, key=lambda st: st["p99"])
        out.append(("analytics p99 < 200 ms per route (one request at a time)", f"worst {worst['name']} {worst['p99']:,.2f} ms", worst["p99"] < 200))
    total_errors = sum(x["total"]["errors"] + (x["visibility"]["errors"] if x.get("visibility") else 0) for x in s.values())
    out.append(("zero errors", f"{total_errors} errors", total_errors == 0))
    peak = max(x["resources"]["appPeakRssMb"] for x in s.values())
    out.append(("app RSS < 300 MB", f"peak {peak:,.0f} MB", peak < 300))
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", required=True)
    p.add_argument("--pgbench", required=True)
    p.add_argument("--pgbench-single", help="pgbench -N -c 1 output: the latency of one small write transaction")
    p.add_argument("--ceiling", help="pgbench output of the order SQL ceiling")
    p.add_argument("--pgbench-clients", type=int, default=32)
    p.add_argument("--pgbench-scale", type=int, default=10)
    p.add_argument("--commit", required=True)
    p.add_argument("--postgres", default="?")
    p.add_argument("--dotnet", default="?")
    p.add_argument("--load", default="?", help="load average when the run began")
    p.add_argument("--section", help="also write the section here")
    p.add_argument("--doc", help="insert the section at the top of this file's run history")
    args = p.parse_args()

    section = render(json.loads(pathlib.Path(args.results).read_text()), args)
    print(section)
    if args.section:
        pathlib.Path(args.section).write_text(section)
    if args.doc:
        doc = pathlib.Path(args.doc)
        text = doc.read_text() if doc.exists() else HEADER
        if MARKER not in text:
            text = text.rstrip("\n") + "\n\n" + MARKER + "\n"
        head, tail = text.split(MARKER, 1)
        history = tail.strip("\n")
        doc.write_text(head + MARKER + "\n\n" + section + ("\n" + history + "\n" if history else ""))
        print(f"added to {doc}")


if __name__ == "__main__":
    main()
