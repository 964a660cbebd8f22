using NUnit.Framework.Constraints;

namespace ChannelMetrics.Tests.Statistics;

/// <summary>Comparison helpers for reference values from scipy / statsmodels / NIST.</summary>
internal static class Reference
{
    /// <summary>Equal within 1e-9 relative error (or 1e-15 absolute around 0).</summary>
    public static IResolveConstraint Rel(double expected, double relative = 1e-9) =>
        Is.EqualTo(expected).Within(Math.Max(Math.Abs(expected) * relative, 1e-15));

    public const double NaN = double.NaN;

    // The reference values in the statistics tests come from /usr/bin/python3 (Debian: scipy 1.10.1,
    // statsmodels 0.13.5). pymannkendall is not installed, so its original_test / seasonal_test / sens_slope
    // formulas are reproduced in this snippet (saved as ref.py and imported by the one-liners in each test file):
    //
    // import numpy as np
    // from scipy.stats import norm
    // nan = float('nan')
    // def mk_score(x):
    //     x = x[~np.isnan(x)]; n=len(x); s=0
    //     for k in range(n-1):
    //         s += np.sum(np.sign(x[k+1:]-x[k]))
    //     return s
    // def var_s(x):
    //     x = x[~np.isnan(x)]; n=len(x)
    //     _, tp = np.unique(x, return_counts=True)
    //     return (n*(n-1)*(2*n+5) - np.sum(tp*(tp-1)*(2*tp+5)))/18
    // def z_score(s, v):
    //     return (s-1)/np.sqrt(v) if s>0 else ((s+1)/np.sqrt(v) if s<0 else 0.0)
    // def original_test(x):
    //     x = np.asarray(x, float); n=np.sum(~np.isnan(x))
    //     s=mk_score(x); v=var_s(x); z=z_score(s,v); p=2*norm.sf(abs(z))
    //     return n, s, v, z, p, s/(.5*n*(n-1))
    // def seasonal_test(x, period=12):
    //     x = np.asarray(x, float)
    //     if len(x)%period: x=np.pad(x,(0,period-len(x)%period),constant_values=np.nan)
    //     x = x.reshape(-1, period); s=0; v=0; d=0
    //     for i in range(period):
    //         xi = x[:,i]; xi = xi[~np.isnan(xi)]; m=len(xi)
    //         if m < 2: continue
    //         s += mk_score(xi); v += var_s(xi); d += m*(m-1)/2
    //     z=z_score(s,v); return s, v, z, 2*norm.sf(abs(z)), s/d
    // def sens_slope(x, level=0.95):    # slope/intercept as pymannkendall; interval as R trend::sens.slope
    //     x = np.asarray(x, float); n=len(x); d=[]
    //     for i in range(n-1):
    //         for j in range(i+1,n):
    //             if not (np.isnan(x[i]) or np.isnan(x[j])): d.append((x[j]-x[i])/(j-i))
    //     d=np.sort(d); k=len(d); slope=np.median(d)
    //     idx=np.arange(n)[~np.isnan(x)]
    //     intercept=np.median(x[~np.isnan(x)]) - np.median(idx)*slope
    //     C = norm.ppf(1-(1-level)/2)*np.sqrt(var_s(x))
    //     lo=round((k-C)/2); hi=round((k+C)/2+1)   # Python round is half-to-even, as R's
    //     lo=min(max(lo,1),k); hi=min(max(hi,1),k)
    //     return slope, intercept, d[lo-1], d[hi-1]
    // def pettitt(x):
    //     x = np.asarray(x, float); pos=np.arange(len(x))[~np.isnan(x)]; y=x[~np.isnan(x)]; n=len(y)
    //     U=[sum(np.sign(y[j]-y[i]) for i in range(t+1) for j in range(t+1,n)) for t in range(n-1)]
    //     t=int(np.argmax(np.abs(U))); K=abs(U[t])
    //     return pos[t+1], U[t], min(1, 2*np.exp(-6*K**2/(n**3+n**2)))
}
