"""Writes the peers' case A/B data as raw little-endian float32, row-major, for the Java harness.

Usage: /usr/bin/python3 bench/export_peerdata.py PEERS_DIR OUT_DIR
  PEERS_DIR holds peerdata.py (shared/bench/peers); OUT_DIR gets
  train_20000x256.f32 (seismic_windows(20000, 256, seed=0), case A) and
  score_200000x256.f32 (seismic_windows(200000, 256, seed=1), case B),
  exactly the arrays bench_ae_torch.py and bench_sklearn_ae_iforest.py use.
"""
import os, sys
import numpy as np

sys.path.insert(0, sys.argv[1])
import peerdata

out = sys.argv[2]
os.makedirs(out, exist_ok=True)
for name, n, seed in [("train_20000x256.f32", 20000, 0), ("score_200000x256.f32", 200000, 1)]:
    x = np.ascontiguousarray(peerdata.seismic_windows(n, 256, seed=seed), dtype="<f4")
    x.tofile(os.path.join(out, name))
    print(name, x.shape, float(x.mean()), float(x.var()))
