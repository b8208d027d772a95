# Reference values for RocCurveTest, from scikit-learn (Debian python3-sklearn 1.2.1).
# Run: /usr/bin/python3 make_roc_reference.py   (in this folder; rewrites the two files)
import numpy as np
from sklearn.metrics import roc_auc_score, average_precision_score, roc_curve

rng = np.random.default_rng(2013)
n = 300
label = (rng.random(n) < 0.3).astype(int)
# Scores rounded to one decimal so that many ties mix the classes.
score = np.round(rng.normal(loc=label * 0.8, scale=1.0), 1)
with open("roc_scores.csv", "w") as f:
    f.write("score,label\n")
    for s, l in zip(score, label):
        f.write(f"{s:.1f},{l}\n")
fpr, tpr, thr = roc_curve(label, score, drop_intermediate=False)
with open("roc_sklearn.txt", "w") as f:
    f.write(f"roc_auc_score {roc_auc_score(label, score)!r}\n")
    f.write(f"roc_auc_score_negated_lower_is_better {roc_auc_score(label, -score)!r}\n")
    f.write(f"average_precision_score {average_precision_score(label, score)!r}\n")
    f.write(f"roc_points {len(fpr)}\n")
    f.write("fpr " + " ".join(repr(x) for x in fpr) + "\n")
    f.write("tpr " + " ".join(repr(x) for x in tpr) + "\n")
