"""Reference values for LbfgsLogisticStepTests: scikit-learn's L2-penalised logistic regression.

scikit-learn minimises C * sum_i logloss_i + 1/2 ||w||^2 (intercept unpenalised with lbfgs); ML.NET's L-BFGS logistic
regression minimises (sum_i logloss_i + l2/2 ||w||^2) / n, the same minimiser when C = 1 / l2.
Run with Debian's /usr/bin/python3 (scikit-learn installed): /usr/bin/python3 lbfgs_logistic_reference.py
"""
import numpy as np
from sklearn.linear_model import LogisticRegression

# Twelve rows, two features, labels that no line separates (so the unpenalised fit would be finite too).
X = np.array([[0.0, 1.0], [0.5, 0.2], [1.0, 0.8], [1.5, 0.1], [2.0, 0.9], [2.5, 0.4],
              [3.0, 0.7], [3.5, 0.3], [4.0, 0.6], [4.5, 0.0], [5.0, 0.5], [5.5, 0.2]])
y = np.array([0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1])
for l2 in (1.0, 0.1):
    model = LogisticRegression(C=1 / l2, tol=1e-12, max_iter=10000).fit(X, y)
    print(f"l2={l2}: w={model.coef_[0].tolist()}, b={model.intercept_[0]!r}")
    print("  p=" + ", ".join(f"{p:.6f}" for p in model.predict_proba(X)[:, 1]))
