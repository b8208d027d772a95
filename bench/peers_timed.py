"""The peers' cases A and B at 1 thread, with wall-clock AND process CPU seconds per run.

Same protocol and the same functions as shared/bench/peers/bench_ae_torch.py and
bench_sklearn_ae_iforest.py (imported from PEERS_DIR, not copied): one warm-up, then --runs timed
runs, medians. The CPU time (time.process_time: every thread of this process) is reported next to
the wall clock because on a shared machine the wall clock also measures the other jobs.
Usage: /usr/bin/python3 bench/peers_timed.py PEERS_DIR [--runs 3] [--peers torch,sklearn]
"""
import argparse, json, statistics, sys, time


def timed(fn):
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - w, time.process_time() - c


def line(case, peer, n, walls, cpus, **extra):
    d = {"case": case, "peer": peer, "threads": 1,
         "records_per_s": round(n / statistics.median(walls), 1),
         "records_per_cpu_s": round(n / statistics.median(cpus), 1),
         "run_s": [round(t, 3) for t in walls], "cpu_s": [round(t, 3) for t in cpus]}
    d.update(extra)
    print(json.dumps(d), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peers")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--peers", dest="which", default="torch,sklearn")
    a = ap.parse_args()
    sys.path.insert(0, a.peers)
    import numpy as np
    import peerdata
    X = peerdata.seismic_windows(20000, 256, seed=0)
    Xs = peerdata.seismic_windows(200000, 256, seed=1)
    if "torch" in a.which:
        import torch
        import bench_ae_torch as bt
        torch.set_num_threads(1)
        Xt, Xst = torch.from_numpy(X), torch.from_numpy(Xs)
        bt.train(bt.make_model("tanh", 123), Xt, 1, seed=7)
        walls, cpus = [], []
        for _ in range(a.runs):
            m = bt.make_model("tanh", 42)
            _, w, c = timed(lambda: bt.train(m, Xt, bt.EPOCHS, seed=1000))
            walls.append(w); cpus.append(c)
        line("A_ae_train", "pytorch-cpu", 20000 * bt.EPOCHS, walls, cpus, torch=torch.__version__,
             final_mse=round(bt.full_mse(m, Xt), 6))
        bt.score(m, Xst[:20480])
        walls, cpus = [], []
        for _ in range(a.runs):
            e, w, c = timed(lambda: bt.score(m, Xst))
            walls.append(w); cpus.append(c)
        line("B_ae_score", "pytorch-cpu", 200000, walls, cpus, mean_recon_mse=round(float(e.mean()), 6))
    if "sklearn" in a.which:
        from threadpoolctl import threadpool_limits
        import bench_sklearn_ae_iforest as bs
        with threadpool_limits(limits=1):
            bs.mlp("tanh", 1).fit(X, X)
            walls, cpus = [], []
            for _ in range(a.runs):
                m = bs.mlp("tanh", 5)
                _, w, c = timed(lambda: m.fit(X, X))
                walls.append(w); cpus.append(c)
            line("A_ae_train", "sklearn-MLPRegressor", 100000, walls, cpus, dtype=str(m.coefs_[0].dtype),
                 final_mse=round(float(((m.predict(X) - X) ** 2).mean()), 6))
            sc = lambda: np.concatenate([((m.predict(Xs[i:i + 1024]) - Xs[i:i + 1024]) ** 2).mean(axis=1)
                                         for i in range(0, 200000, 1024)])
            sc()
            walls, cpus = [], []
            for _ in range(a.runs):
                e, w, c = timed(sc)
                walls.append(w); cpus.append(c)
            line("B_ae_score", "sklearn-MLPRegressor", 200000, walls, cpus, mean_recon_mse=round(float(e.mean()), 6))


if __name__ == "__main__":
    main()
