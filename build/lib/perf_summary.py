#!/usr/bin/env python3
"""Summarises `perf script -F ip,sym,dso` output of the app for build/bench.sh --profile: self time by component,
the hottest methods by self time, and OrderHub / EF Core / Npgsql / MediatR / ASP.NET Core methods by inclusive
time (each method counted once per sample, whatever its depth)."""
import collections
import re
import sys

FRAME = re.compile(r"^\s*[0-9a-f]+\s+(?P<sym>.*?)\s+\((?P<dso>[^()]*)\)\s*$")
TIER = re.compile(r"\[(?:OptimizedTier1|Optimized|Tier0|Tier1|QuickJitted|InstrumentedTier|InstrumentedTierOptimized|OptimizedTier1OSR|PreJIT)\]")
NATIVE = {"libcoreclr.so": "runtime (libcoreclr)", "libclrjit.so": "JIT compiler", "libc.so.6": "libc",
          "ld-linux-x86-64.so.2": "runtime (TLS lookups)", "libSystem.Native.so": "System.Native"}
# Namespace prefixes, most specific first, naming the component a managed method belongs to.
COMPONENTS = ["OrderHub.", "Npgsql.EntityFrameworkCore", "Npgsql", "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite",
              "MediatR", "AutoMapper", "FluentValidation", "Quartz", "Microsoft.AspNetCore", "Microsoft.Extensions",
              "System.Text.Json", "System.Linq.Expressions", "System.Linq", "System.Net", "System.Collections",
              "System.Threading", "System.Runtime", "System.Text", "System.Reflection", "System"]
WATCH = ("[OrderHub.", "[Microsoft.EntityFrameworkCore", "[Npgsql", "[MediatR]", "[Microsoft.AspNetCore", "[AutoMapper]")


def method(sym):
    """A managed frame's method, without return type, tier and generic noise; native frames as they are."""
    sym = TIER.sub("", sym).strip()
    m = re.search(r"\[(?P<asm>[^\]]+)\]\s+(?P<name>[^(\s]+)", sym)
    return (m.group("asm"), m.group("name")) if m else (None, sym)


def component(frame):
    sym, dso = frame
    if dso.startswith("[kernel"):
        return "kernel"
    base = dso.rsplit("/", 1)[-1]
    if base in NATIVE:
        return NATIVE[base]
    asm, name = method(sym)
    if asm is None:
        if sym.startswith("stub "):
            return "stubs and helpers"
        return f"{base} (no symbols)" if base.endswith(".dll") else f"other ({base})"
    if name.startswith("OrderHub."):
        return ".".join(name.split(".")[:2])
    for prefix in COMPONENTS:
        if name.startswith(prefix):
            return prefix
    return asm


def samples(path):
    frames = []
    for line in open(path, encoding="utf-8", errors="replace"):
        if not line.strip():
            if frames:
                yield frames
            frames = []
            continue
        m = FRAME.match(line)
        if m:
            frames.append((m.group("sym"), m.group("dso")))
    if frames:
        yield frames


def first_managed(frames):
    for sym, dso in frames:
        if method(sym)[0] is not None:
            return component((sym, dso))
    return None


def main():
    total = 0
    self_by_component = collections.Counter()
    self_by_method = collections.Counter()
    inclusive = collections.Counter()
    native_callers = collections.Counter()
    for frames in samples(sys.argv[1]):
        total += 1
        leaf = frames[0]
        comp = component(leaf)
        self_by_component[comp] += 1
        asm, name = method(leaf[0])
        self_by_method[f"{name}  [{asm or leaf[1]}]"] += 1
        if comp in ("runtime (libcoreclr)", "stubs and helpers", "kernel", "runtime (TLS lookups)"):
            native_callers[f"{comp} ← {first_managed(frames) or 'no managed frame'}"] += 1
        seen = set()
        for sym, _ in frames:
            if any(w in sym for w in WATCH):
                key = method(sym)[1]
                key = re.sub(r"\+<(\w+)>d__\d+(`\d+)?(\[[^\]]*\])?::MoveNext$", r".\1 (async)", key)
                if key not in seen:
                    seen.add(key)
                    inclusive[key] += 1
    if total == 0:
        print("no samples")
        return
    pct = lambda n: f"{100 * n / total:6.2f}%"
    print(f"{total} samples of the app's threads (perf, CPU clock).\n\nSelf time by component:")
    for name, n in self_by_component.most_common(22):
        print(f"  {pct(n)}  {name}")
    print("\nRuntime, stub and kernel time by the managed component that called it:")
    for name, n in native_callers.most_common(12):
        print(f"  {pct(n)}  {name}")
    print("\nHottest methods, self time:")
    for name, n in self_by_method.most_common(30):
        print(f"  {pct(n)}  {name[:170]}")
    print("\nOrderHub, ASP.NET Core, MediatR, EF Core and Npgsql methods by inclusive time.")
    print("An (async) method's samples include the continuations that ran inline when what it awaited completed:")
    print("the rest of its callers' work after that await, not its own cost.")
    for name, n in inclusive.most_common(70):
        print(f"  {pct(n)}  {name[:170]}")


if __name__ == "__main__":
    main()
