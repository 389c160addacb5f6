namespace OlnmMl.Learners.Svm;

/// <summary>
/// Sequential minimal optimisation for the C-SVC dual (libsvm's <c>Solver</c>, re-implemented):
/// minimise ½ αᵀQα − eᵀα subject to yᵀα = 0 and 0 ≤ α_i ≤ C_i.
/// Working pairs come from second-order selection (WSS3, Fan, Chen &amp; Lin 2005): i maximises −y_i∇f_i over
/// I_up; j minimises −(y_i∇f_i − y_j∇f_j)² / (K_ii + K_jj − 2K_ij) over I_low. Stops when
/// max_{I_up}(−y∇f) − min_{I_low}(−y∇f) &lt; ε. Shrinking removes bounded variables unlikely to move from the active
/// set every min(l, 1000) iterations and reconstructs the full gradient before the final check.
/// </summary>
internal sealed class SmoSolver
{
    private const double Tau = 1e-12;
    private const byte LowerBound = 0;
    private const byte UpperBound = 1;
    private const byte Free = 2;

    private readonly SvmProblem _q;
    private readonly sbyte[] _y;
    private readonly double[] _c;
    private readonly double _eps;
    private readonly bool _shrinking;
    private readonly int _l;
    private readonly double[] _alpha;
    private readonly double[] _g;
    private readonly double[] _gBar;
    private readonly byte[] _status;
    private readonly int[] _active;
    private int _activeSize;
    private bool _unshrink;

    public SmoSolver(SvmProblem q, double[] upperBounds, double eps, bool shrinking)
    {
        _q = q;
        _y = q.Y;
        _c = upperBounds;
        _eps = eps;
        _shrinking = shrinking;
        _l = q.Rows;
        _alpha = new double[_l];
        _g = new double[_l];
        _gBar = new double[_l];
        _status = new byte[_l];
        _active = new int[_l];
    }

    /// <summary>Number of SMO iterations of the last <see cref="Solve"/>.</summary>
    public int Iterations { get; private set; }

    /// <summary>Solves the dual; returns α and the bias term ρ of f(x) = Σ α_i y_i k(x_i, x) − ρ.</summary>
    public (double[] Alpha, double Rho) Solve(int maxIterations)
    {
        for (int i = 0; i < _l; i++)
        {
            _g[i] = -1; // ∇f = Qα − e with α = 0
            _status[i] = LowerBound;
            _active[i] = i;
        }
        _activeSize = _l;
        _unshrink = false;

        var counter = Math.Min(_l, 1000) + 1;
        int iter = 0;
        while (iter < maxIterations)
        {
            if (--counter == 0)
            {
                counter = Math.Min(_l, 1000);
                if (_shrinking) Shrink();
            }

            if (!SelectWorkingSet(out var i, out var j))
            {
                ReconstructGradient();
                _activeSize = _l;
                ResetActiveOrder();
                if (!SelectWorkingSet(out i, out j)) break;
                counter = 1; // shrink again at the next iteration, as libsvm does
            }

            iter++;
            Update(i, j);
        }

        if (_activeSize < _l)
        {
            ReconstructGradient();
            _activeSize = _l;
            ResetActiveOrder();
        }

        Iterations = iter;
        return ((double[])_alpha.Clone(), ComputeRho());
    }

    private void ResetActiveOrder()
    {
        for (int k = 0; k < _l; k++) _active[k] = k;
    }

    private bool IsUpper(int i) => _status[i] == UpperBound;

    private bool IsLower(int i) => _status[i] == LowerBound;

    private void UpdateStatus(int i)
    {
        _status[i] = _alpha[i] >= _c[i] ? UpperBound : _alpha[i] <= 0 ? LowerBound : Free;
    }

    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        double gMax = double.NegativeInfinity, gMax2 = double.NegativeInfinity;
        int gMaxIdx = -1, gMinIdx = -1;
        double objDiffMin = double.PositiveInfinity;

        for (int k = 0; k < _activeSize; k++)
        {
            var t = _active[k];
            if (_y[t] == 1)
            {
                if (!IsUpper(t) && -_g[t] >= gMax) { gMax = -_g[t]; gMaxIdx = t; }
            }
            else if (!IsLower(t) && _g[t] >= gMax) { gMax = _g[t]; gMaxIdx = t; }
        }

        outI = gMaxIdx;
        outJ = -1;
        if (gMaxIdx < 0) return false;
        var i = gMaxIdx;
        var qi = _q.Column(i);
        var qdi = _q.Diagonal[i];
        var qd = _q.Diagonal;

        for (int k = 0; k < _activeSize; k++)
        {
            var j = _active[k];
            if (_y[j] == 1)
            {
                if (IsLower(j)) continue;
                var gradDiff = gMax + _g[j];
                if (_g[j] >= gMax2) gMax2 = _g[j];
                if (gradDiff > 0)
                {
                    var quad = qdi + qd[j] - 2.0 * _y[i] * qi[j];
                    var objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                    if (objDiff <= objDiffMin) { gMinIdx = j; objDiffMin = objDiff; }
                }
            }
            else
            {
                if (IsUpper(j)) continue;
                var gradDiff = gMax - _g[j];
                if (-_g[j] >= gMax2) gMax2 = -_g[j];
                if (gradDiff > 0)
                {
                    var quad = qdi + qd[j] + 2.0 * _y[i] * qi[j];
                    var objDiff = -(gradDiff * gradDiff) / (quad > 0 ? quad : Tau);
                    if (objDiff <= objDiffMin) { gMinIdx = j; objDiffMin = objDiff; }
                }
            }
        }

        if (gMax + gMax2 < _eps || gMinIdx < 0) return false;
        outJ = gMinIdx;
        return true;
    }

    private void Update(int i, int j)
    {
        var qi = _q.Column(i);
        var qj = _q.Column(j);
        var ci = _c[i];
        var cj = _c[j];
        var oldAi = _alpha[i];
        var oldAj = _alpha[j];
        var qd = _q.Diagonal;

        if (_y[i] != _y[j])
        {
            var quad = qd[i] + qd[j] + 2 * qi[j];
            if (quad <= 0) quad = Tau;
            var delta = (-_g[i] - _g[j]) / quad;
            var diff = _alpha[i] - _alpha[j];
            _alpha[i] += delta;
            _alpha[j] += delta;
            if (diff > 0) { if (_alpha[j] < 0) { _alpha[j] = 0; _alpha[i] = diff; } }
            else if (_alpha[i] < 0) { _alpha[i] = 0; _alpha[j] = -diff; }
            if (diff > ci - cj) { if (_alpha[i] > ci) { _alpha[i] = ci; _alpha[j] = ci - diff; } }
            else if (_alpha[j] > cj) { _alpha[j] = cj; _alpha[i] = cj + diff; }
        }
        else
        {
            var quad = qd[i] + qd[j] - 2 * qi[j];
            if (quad <= 0) quad = Tau;
            var delta = (_g[i] - _g[j]) / quad;
            var sum = _alpha[i] + _alpha[j];
            _alpha[i] -= delta;
            _alpha[j] += delta;
            if (sum > ci) { if (_alpha[i] > ci) { _alpha[i] = ci; _alpha[j] = sum - ci; } }
            else if (_alpha[j] < 0) { _alpha[j] = 0; _alpha[i] = sum; }
            if (sum > cj) { if (_alpha[j] > cj) { _alpha[j] = cj; _alpha[i] = sum - cj; } }
            else if (_alpha[i] < 0) { _alpha[i] = 0; _alpha[j] = sum; }
        }

        var dAi = _alpha[i] - oldAi;
        var dAj = _alpha[j] - oldAj;
        for (int k = 0; k < _activeSize; k++)
        {
            var t = _active[k];
            _g[t] += qi[t] * dAi + qj[t] * dAj;
        }

        var wasUpperI = IsUpper(i);
        var wasUpperJ = IsUpper(j);
        UpdateStatus(i);
        UpdateStatus(j);
        UpdateGBar(i, wasUpperI, ci, qi);
        UpdateGBar(j, wasUpperJ, cj, qj);
    }

    /// <summary>Ḡ_k = Σ_{j at upper bound} C_j Q_jk, kept for all k so shrunk gradients can be rebuilt.</summary>
    private void UpdateGBar(int i, bool wasUpper, double ci, float[] qi)
    {
        var isUpper = IsUpper(i);
        if (wasUpper == isUpper) return;
        var sign = isUpper ? ci : -ci;
        for (int k = 0; k < _l; k++) _gBar[k] += sign * qi[k];
    }

    /// <summary>∇f_k = Ḡ_k − 1 + Σ_{j free} α_j Q_jk for the variables outside the active set.</summary>
    private void ReconstructGradient()
    {
        if (_activeSize == _l) return;
        var inactive = _active.AsSpan(_activeSize);
        foreach (var k in inactive) _g[k] = _gBar[k] - 1;
        for (int a = 0; a < _l; a++)
        {
            if (_status[a] != Free) continue;
            var qa = _q.Column(a);
            var alpha = _alpha[a];
            foreach (var k in inactive) _g[k] += alpha * qa[k];
        }
    }

    private void Shrink()
    {
        double gMax1 = double.NegativeInfinity, gMax2 = double.NegativeInfinity;
        for (int k = 0; k < _activeSize; k++)
        {
            var i = _active[k];
            if (_y[i] == 1)
            {
                if (!IsUpper(i)) gMax1 = Math.Max(gMax1, -_g[i]);
                if (!IsLower(i)) gMax2 = Math.Max(gMax2, _g[i]);
            }
            else
            {
                if (!IsUpper(i)) gMax2 = Math.Max(gMax2, -_g[i]);
                if (!IsLower(i)) gMax1 = Math.Max(gMax1, _g[i]);
            }
        }

        if (!_unshrink && gMax1 + gMax2 <= _eps * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _l;
            ResetActiveOrder();
        }

        for (int k = 0; k < _activeSize; k++)
        {
            if (!CanShrink(_active[k], gMax1, gMax2)) continue;
            _activeSize--;
            while (_activeSize > k)
            {
                if (!CanShrink(_active[_activeSize], gMax1, gMax2))
                {
                    (_active[k], _active[_activeSize]) = (_active[_activeSize], _active[k]);
                    break;
                }
                _activeSize--;
            }
        }
    }

    private bool CanShrink(int i, double gMax1, double gMax2)
    {
        if (IsUpper(i)) return _y[i] == 1 ? -_g[i] > gMax1 : -_g[i] > gMax2;
        if (IsLower(i)) return _y[i] == 1 ? _g[i] > gMax2 : _g[i] > gMax1;
        return false;
    }

    private double ComputeRho()
    {
        double ub = double.PositiveInfinity, lb = double.NegativeInfinity, sumFree = 0;
        int nFree = 0;
        for (int i = 0; i < _l; i++)
        {
            var yG = _y[i] * _g[i];
            if (IsUpper(i))
            {
                if (_y[i] == -1) ub = Math.Min(ub, yG); else lb = Math.Max(lb, yG);
            }
            else if (IsLower(i))
            {
                if (_y[i] == 1) ub = Math.Min(ub, yG); else lb = Math.Max(lb, yG);
            }
            else
            {
                nFree++;
                sumFree += yG;
            }
        }
        return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
    }
}
