"""Summarises a bench/run-speed.sh JSON-lines file: medians over rounds, ratios to PyTorch.

Usage: /usr/bin/python3 bench/summarise_speed.py RESULTS.jsonl
"""
import collections, json, statistics, sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
by = collections.defaultdict(list)
for r in rows:
    key = (r["case"], r["peer"], r.get("workers"))
    by[key].append(r)


def med(rs, k):
    v = [r[k] for r in rs if k in r]
    return statistics.median(v) if v else None


def fmt(x, nd=0):
    return "–" if x is None else (f"{x:,.{nd}f}" if nd else f"{x:,.0f}")


print("| case | implementation | runs | records/s (wall, median) | records/CPU-s | MSE | ratio to PyTorch (wall) | ratio (CPU) |")
print("|---|---|---|---|---|---|---|---|")
for case in ("A_ae_train", "B_ae_score"):
    torch = by.get((case, "pytorch-cpu", None), [])
    tw, tc = med(torch, "records_per_s"), med(torch, "records_per_cpu_s")
    for (c, peer, workers), rs in sorted(by.items(), key=lambda kv: (kv[0][1] != "pytorch-cpu", kv[0][1], kv[0][2] or 0)):
        if c != case:
            continue
        w, cpu = med(rs, "records_per_s"), med(rs, "records_per_cpu_s")
        mse = med(rs, "final_mse") or med(rs, "mean_recon_mse")
        name = peer + (f" ({workers} worker{'s' if workers > 1 else ''})" if workers else "")
        rw = f"{w / tw:.2f}" if w and tw else "–"
        rc = f"{cpu / tc:.2f}" if cpu and tc else "–"
        print(f"| {case[0]} | {name} | {len(rs)} | {fmt(w)} | {fmt(cpu)} | {'–' if mse is None else f'{mse:.5f}'} | {rw} | {rc} |")

print()
for r in rows:
    if r["case"] in ("load", "env"):
        print("-", r["peer"], {k: v for k, v in r.items() if k not in ("case", "peer")})
print()
print("| SGEMM shape / sequence | GFLOP/s (median of the runs in this file) |")
print("|---|---|")
for (c, peer, _), rs in by.items():
    if c == "sgemm":
        print(f"| {peer} | {med(rs, 'gflop_per_s'):.1f} |")

# The runners against the raw loop on the same cores (2 workers, the median of every workers run
# in this file): how many times longer scoring takes through the pipeline; and against the loop that
# does the pipeline's reads and per-batch stage code in two plain threads (raw-read-and-score): what
# the runner itself adds.
raw2 = med(by.get(("B_ae_score", "moho-scorer-workers", 2), []), "records_per_s")
raw_read = med(by.get(("B_ae_score", "moho-raw-read-and-score", 2), []), "records_per_s")
beams = [(peer, rs) for (c, peer, _), rs in by.items() if c == "B_ae_score" and peer.startswith("moho-beam-")]
if beams and raw2:
    read_head = f" | time / raw read-and-score loop ({raw_read:,.0f} records/s)" if raw_read else ""
    print()
    print(f"| runner pipeline (1,000,000 records) | runs | records/s (wall, median) | records/CPU-s | time / raw 2-worker loop ({raw2:,.0f} records/s){read_head} |")
    print("|---|---|---|---|---|" + ("---|" if raw_read else ""))
    for peer, rs in sorted(beams):
        w = med(rs, "records_per_s")
        read_col = f" | {raw_read / w:.2f}x" if raw_read else ""
        print(f"| {peer} | {len(rs)} | {fmt(w)} | {fmt(med(rs, 'records_per_cpu_s'))} | {raw2 / w:.2f}x{read_col} |")
