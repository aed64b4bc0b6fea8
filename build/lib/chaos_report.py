"""Prints build/chaos.sh's summary table from the phases' verdicts and writes it, with every figure, as Markdown.
Exits 1 when a phase failed."""
import argparse
import json
import pathlib

parser = argparse.ArgumentParser()
parser.add_argument("--commit", required=True)
parser.add_argument("--quick", default="0")
parser.add_argument("--out", required=True)
parser.add_argument("verdicts", nargs="+")
args = parser.parse_args()

phases = [json.loads(pathlib.Path(p).read_text()) for p in args.verdicts if pathlib.Path(p).exists()]
if not phases:
    print("no phase ran")
    raise SystemExit(1)

# The figures that make the one-line summary of each phase, when the phase has them.
headline = ["requests", "answers by status", "retries (same key, same body)", "keys answered 201", "duplicate orders (extra rows for one key)",
            "SKUs breaking an invariant", "time to recover: fault over → first 201 (s)", "process survived the burst"]

def figures(phase):
    return {f["name"]: f["value"] for f in phase["figures"] if f["name"] not in ("sample", "accepted", "failed")}

width = max(len(p["phase"]) for p in phases)
for phase in phases:
    f = figures(phase)
    summary = "; ".join(f"{k} {f[k]}" for k in headline if k in f)
    print(f"{'PASS' if phase['passed'] else 'FAIL'}  {phase['phase']:<{width}}  {summary}")
    for failure in phase["failures"]:
        print(f"      ✗ {failure}")

lines = [f"Commit {args.commit}{' (--quick)' if args.quick == '1' else ''}.", ""]
lines += ["| phase | result | failures |", "|---|---|---|"]
for phase in phases:
    failures = "<br>".join(x.replace("|", "\\|") for x in phase["failures"]) or "—"
    lines.append(f"| {phase['phase']} | {'PASS' if phase['passed'] else 'FAIL'} | {failures} |")
for phase in phases:
    lines += ["", f"### {phase['phase']}", "", "| figure | value |", "|---|---|"]
    for f in phase["figures"]:
        lines.append(f"| {f['name']} | {str(f['value']).replace('|', chr(92) + '|')} |")
pathlib.Path(args.out).write_text("\n".join(lines) + "\n")
print(f"summary: {args.out}")
raise SystemExit(0 if all(p["passed"] for p in phases) else 1)
