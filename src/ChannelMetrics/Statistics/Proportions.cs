using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace ChannelMetrics.Statistics;

/// <summary>Confidence intervals and comparisons for proportions such as conversion rates.</summary>
/// <remarks>
/// Counts are <see cref="long"/>. Bad calls (negative counts, successes above trials, a confidence outside (0, 1))
/// throw <see cref="ArgumentOutOfRangeException"/>; data that cannot support an answer (no trials) gives an honest
/// result instead: the whole interval [0, 1], or a comparison that is not computable.
/// </remarks>
public static class Proportions
{
    // Fisher's test sums every table with the observed margins: 2^24 of them take most of a second.
    private const long MaxFisherSupport = 1 << 24;

    /// <summary>
    /// Returns the Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.
    /// </summary>
    /// <param name="successes">The number of successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, 0 or more.</param>
    /// <param name="confidence">The two-sided confidence level, strictly between 0 and 1.</param>
    /// <returns>
    /// The interval, always inside [0, 1]. With no trials nothing is known, so the interval is [0, 1].
    /// </returns>
    /// <remarks>
    /// Wilson (1927): centre (p̂ + z²/2n) / (1 + z²/n), half-width z / (1 + z²/n) · √(p̂(1 − p̂)/n + z²/4n²).
    /// Unlike the Wald interval it stays inside [0, 1] and keeps its coverage for the small counts of a
    /// monthly campaign, including 0 and n successes.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed trials, or the confidence is not in (0, 1).</exception>
    public static Interval Wilson(long successes, long trials, double confidence = 0.95)
    {
        ValidateCounts(successes, trials);
        double z = ZForConfidence(confidence);
        if (trials == 0)
        {
            return new Interval(0, 1);
        }

        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + (z2 / n);
        double centre = (p + (z2 / (2 * n))) / denominator;
        double half = z / denominator * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));

        // At 0 and n successes the bounds are exactly 0 and 1; say so rather than trust rounding.
        double lower = successes == 0 ? 0 : Math.Max(0, centre - half);
        double upper = successes == trials ? 1 : Math.Min(1, centre + half);
        return new Interval(lower, upper);
    }

    /// <summary>
    /// Returns the Jeffreys interval: the central <paramref name="confidence"/> interval of the Beta(successes + ½, failures + ½)
    /// posterior, as statsmodels' <c>proportion_confint(method="jeffreys")</c>.
    /// </summary>
    /// <param name="successes">The number of successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, 0 or more.</param>
    /// <param name="confidence">The two-sided confidence level, strictly between 0 and 1.</param>
    /// <returns>
    /// The interval, inside [0, 1]; [0, 1] with no trials. Like statsmodels the interval stays central at 0 and n successes
    /// (Brown, Cai and DasGupta 2001 would set the bound to 0 or 1 there), so its lower bound at 0 successes is small but positive.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed trials, or the confidence is not in (0, 1).</exception>
    public static Interval Jeffreys(long successes, long trials, double confidence = 0.95)
    {
        ValidateCounts(successes, trials);
        SeriesMath.ValidateProbability(confidence, nameof(confidence));
        if (trials == 0)
        {
            return new Interval(0, 1);
        }

        double tail = (1 - confidence) / 2;
        double a = successes + 0.5;
        double b = trials - successes + 0.5;
        return Ordered(BetaQuantile(a, b, tail), 1 - BetaQuantile(b, a, tail));
    }

    /// <summary>
    /// Returns the Clopper-Pearson ("exact") interval, as statsmodels' <c>proportion_confint(method="beta")</c>: it never
    /// undercovers, at the price of being wider than <see cref="Wilson"/>.
    /// </summary>
    /// <param name="successes">The number of successes, 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials, 0 or more.</param>
    /// <param name="confidence">The two-sided confidence level, strictly between 0 and 1.</param>
    /// <returns>The interval, inside [0, 1]: lower bound exactly 0 at 0 successes, upper bound exactly 1 at n successes; [0, 1] with no trials.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed trials, or the confidence is not in (0, 1).</exception>
    public static Interval ClopperPearson(long successes, long trials, double confidence = 0.95)
    {
        ValidateCounts(successes, trials);
        SeriesMath.ValidateProbability(confidence, nameof(confidence));
        if (trials == 0)
        {
            return new Interval(0, 1);
        }

        double tail = (1 - confidence) / 2;
        long failures = trials - successes;

        // Upper bound through the mirrored lower quantile: 1 − q stays exact where q is tiny.
        double lower = successes == 0 ? 0 : BetaQuantile(successes, failures + 1, tail);
        double upper = failures == 0 ? 1 : 1 - BetaQuantile(failures, successes + 1, tail);
        return Ordered(lower, upper);
    }

    /// <summary>
    /// The interval between two Beta quantiles. Where they are closer than the incomplete beta function's precision (from
    /// about 1e14 trials, or at a confidence near 0) rounding can cross them; the interval is then the point between.
    /// </summary>
    private static Interval Ordered(double lower, double upper) =>
        lower <= upper ? new Interval(lower, upper) : new Interval((lower + upper) / 2, (lower + upper) / 2);

    /// <summary>
    /// Compares two rates with the pooled two-proportion z test, as statsmodels' <c>proportions_ztest</c> (two-sided).
    /// </summary>
    /// <param name="successesA">Group A's successes, 0 to <paramref name="trialsA"/>.</param>
    /// <param name="trialsA">Group A's trials, 0 or more.</param>
    /// <param name="successesB">Group B's successes, 0 to <paramref name="trialsB"/>.</param>
    /// <param name="trialsB">Group B's trials, 0 or more.</param>
    /// <returns>
    /// The comparison with Z = (p̂<sub>B</sub> − p̂<sub>A</sub>)/√(p̄(1 − p̄)(1/n<sub>A</sub> + 1/n<sub>B</sub>)), p̄ the pooled rate.
    /// A group without trials gives <see cref="StatisticNotComputableReason.NoTrials"/>; no successes or no failures in either group
    /// (p̄ = 0 or 1) gives <see cref="StatisticNotComputableReason.NoVariation"/>.
    /// </returns>
    /// <remarks>
    /// The normal approximation needs every expected cell count to be about 5 or more;
    /// <see cref="ProportionComparison.SmallExpectedCounts"/> flags when it is not, and <see cref="Compare"/> then uses
    /// <see cref="FisherExact"/> instead.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or successes exceed trials.</exception>
    public static ProportionComparison TwoProportionZTest(long successesA, long trialsA, long successesB, long trialsB)
    {
        ValidateCounts(successesA, trialsA, nameof(successesA), nameof(trialsA));
        ValidateCounts(successesB, trialsB, nameof(successesB), nameof(trialsB));
        bool small = HasSmallExpectedCounts(successesA, trialsA, successesB, trialsB);
        if (trialsA == 0 || trialsB == 0)
        {
            return NoTrials(ProportionTest.TwoProportionZTest, successesA, trialsA, successesB, trialsB, small);
        }

        double rateA = (double)successesA / trialsA;
        double rateB = (double)successesB / trialsB;
        // In double: the sums of two 64-bit counts may not fit a long.
        double pooled = ((double)successesA + successesB) / ((double)trialsA + trialsB);
        double se = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / trialsA) + (1.0 / trialsB)));
        if (!(se > 0))
        {
            return new ProportionComparison(ProportionTest.TwoProportionZTest, rateA, rateB, 0, 1, small, StatisticNotComputableReason.NoVariation);
        }

        double z = (rateB - rateA) / se;
        return new ProportionComparison(ProportionTest.TwoProportionZTest, rateA, rateB, z, SeriesMath.TwoSidedNormalPValue(z), small, StatisticNotComputableReason.None);
    }

    /// <summary>
    /// Compares two rates with Fisher's exact test on the 2×2 table [[successesA, failuresA], [successesB, failuresB]],
    /// two-sided as scipy's <c>fisher_exact</c>: the probability of all tables with the same margins that are no more likely than the observed one.
    /// </summary>
    /// <param name="successesA">Group A's successes, 0 to <paramref name="trialsA"/>.</param>
    /// <param name="trialsA">Group A's trials, 0 or more.</param>
    /// <param name="successesB">Group B's successes, 0 to <paramref name="trialsB"/>.</param>
    /// <param name="trialsB">Group B's trials, 0 or more.</param>
    /// <returns>
    /// The comparison (<see cref="ProportionComparison.Z"/> is 0). A group without trials gives
    /// <see cref="StatisticNotComputableReason.NoTrials"/>. No successes or no failures at all gives p = 1, as scipy does.
    /// Trials adding up to more than <see cref="long.MaxValue"/> give <see cref="StatisticNotComputableReason.ValuesOutOfRange"/>,
    /// and a table with more than 16,777,216 possible values of its first cell (given its margins)
    /// <see cref="StatisticNotComputableReason.TooManyValues"/>: summing them would take more than a second, and at such counts
    /// <see cref="TwoProportionZTest"/> is accurate.
    /// </returns>
    /// <remarks>
    /// Tables whose probability is within a relative 1e-7 of the observed one count as equally likely (R's
    /// <c>fisher.test</c> uses the same tolerance; scipy uses 1e-14), so rounding never splits mirror-image tables.
    /// The probabilities come from the exact ratio of successive hypergeometric terms, O(min(column, row) total) and
    /// allocation-free; p-values below about 1e-300 are reported as 0.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or successes exceed trials.</exception>
    public static ProportionComparison FisherExact(long successesA, long trialsA, long successesB, long trialsB)
    {
        ValidateCounts(successesA, trialsA, nameof(successesA), nameof(trialsA));
        ValidateCounts(successesB, trialsB, nameof(successesB), nameof(trialsB));
        bool small = HasSmallExpectedCounts(successesA, trialsA, successesB, trialsB);
        if (trialsA == 0 || trialsB == 0)
        {
            return NoTrials(ProportionTest.FisherExact, successesA, trialsA, successesB, trialsB, small);
        }

        double rateA = (double)successesA / trialsA;
        double rateB = (double)successesB / trialsB;
        if (trialsA > long.MaxValue - trialsB)
        {
            // The table's total is not a 64-bit count.
            return new ProportionComparison(ProportionTest.FisherExact, rateA, rateB, 0, 1, small, StatisticNotComputableReason.ValuesOutOfRange);
        }

        long successes = successesA + successesB;
        long support = Math.Min(successes, trialsA) - Math.Max(0, successes - trialsB) + 1;
        if (support > MaxFisherSupport)
        {
            return new ProportionComparison(ProportionTest.FisherExact, rateA, rateB, 0, 1, small, StatisticNotComputableReason.TooManyValues);
        }

        return new ProportionComparison(ProportionTest.FisherExact, rateA, rateB, 0, FisherTwoSided(successesA, trialsA, trialsB, successes), small, StatisticNotComputableReason.None);
    }

    /// <summary>
    /// Compares two rates with the test their counts support: <see cref="FisherExact"/> when any expected cell count is
    /// below 5 (unless its table is too large to sum), otherwise <see cref="TwoProportionZTest"/>.
    /// <see cref="ProportionComparison.Test"/> says which was used.
    /// </summary>
    /// <param name="successesA">Group A's successes, 0 to <paramref name="trialsA"/>.</param>
    /// <param name="trialsA">Group A's trials, 0 or more.</param>
    /// <param name="successesB">Group B's successes, 0 to <paramref name="trialsB"/>.</param>
    /// <param name="trialsB">Group B's trials, 0 or more.</param>
    /// <returns>The comparison; a group without trials gives <see cref="StatisticNotComputableReason.NoTrials"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or successes exceed trials.</exception>
    public static ProportionComparison Compare(long successesA, long trialsA, long successesB, long trialsB)
    {
        ValidateCounts(successesA, trialsA, nameof(successesA), nameof(trialsA));
        ValidateCounts(successesB, trialsB, nameof(successesB), nameof(trialsB));
        if (HasSmallExpectedCounts(successesA, trialsA, successesB, trialsB))
        {
            // Fisher refuses tables with too many possible outcomes; counts that large are where the z test is accurate.
            var fisher = FisherExact(successesA, trialsA, successesB, trialsB);
            if (fisher.Reason != StatisticNotComputableReason.TooManyValues)
            {
                return fisher;
            }
        }

        return TwoProportionZTest(successesA, trialsA, successesB, trialsB);
    }

    /// <summary>
    /// Returns the exact Bayesian probability that group B's true rate exceeds group A's, P(p<sub>B</sub> &gt; p<sub>A</sub>),
    /// with independent Beta(<paramref name="priorAlpha"/>, <paramref name="priorBeta"/>) priors updated by the counts.
    /// </summary>
    /// <param name="successesA">Group A's successes, 0 to <paramref name="trialsA"/>.</param>
    /// <param name="trialsA">Group A's trials, 0 or more.</param>
    /// <param name="successesB">Group B's successes, 0 to <paramref name="trialsB"/>.</param>
    /// <param name="trialsB">Group B's trials, 0 or more.</param>
    /// <param name="priorAlpha">The prior's α, a whole number ≥ 1 (1 with <paramref name="priorBeta"/> 1 is the uniform prior).</param>
    /// <param name="priorBeta">The prior's β, a whole number ≥ 1.</param>
    /// <returns>The probability, in [0, 1]. Without trials it follows from the priors alone (0.5 for equal priors).</returns>
    /// <remarks>
    /// Closed form (Evan Miller, "Formulas for Bayesian A/B testing"), with α<sub>X</sub> = successes + α₀ and
    /// β<sub>X</sub> = failures + β₀: Σ<sub>i=0</sub><sup>α<sub>B</sub>−1</sup> B(α<sub>A</sub> + i, β<sub>A</sub> + β<sub>B</sub>) /
    /// ((β<sub>B</sub> + i)·B(1 + i, β<sub>B</sub>)·B(α<sub>A</sub>, β<sub>A</sub>)). Every term is positive: the first from a
    /// ratio of log-gammas computed without cancellation, each next one from the exact ratio to the one before, so the
    /// result keeps its digits up to 1e15 trials. The cost is O(successesB), fine for conversion counts.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed trials, or a prior parameter is below 1.</exception>
    public static double ProbabilityBBeatsA(long successesA, long trialsA, long successesB, long trialsB, int priorAlpha = 1, int priorBeta = 1)
    {
        ValidateCounts(successesA, trialsA, nameof(successesA), nameof(trialsA));
        ValidateCounts(successesB, trialsB, nameof(successesB), nameof(trialsB));
        ArgumentOutOfRangeException.ThrowIfLessThan(priorAlpha, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(priorBeta, 1);

        double alphaA = successesA + (double)priorAlpha;
        double betaA = trialsA - successesA + (double)priorBeta;
        long alphaB = successesB + priorAlpha;
        double betaB = trialsB - successesB + (double)priorBeta;

        // The first term is B(αA, βA + βB) / B(αA, βA), and each next one the previous times the exact ratio
        // (αA + i)(βB + i) / ((αA + βA + βB + i)(i + 1)). Log-Beta functions of a billion trials or more subtract
        // log-gammas of that size and lose their digits (P(B > A) of two equal groups of 1e12 trials came out 0.496).
        double logTerm = LogGammaRatio(betaA, alphaA) - LogGammaRatio(betaA + betaB, alphaA);

        // Σ exp(logTerm), kept as exp(max) · scaled so that no term underflows before the larger ones arrive.
        double max = logTerm, scaled = 1;
        for (long i = 0; i + 1 < alphaB; i++)
        {
            logTerm += Math.Log(alphaA + i) + Math.Log(betaB + i) - Math.Log(alphaA + betaA + betaB + i) - Math.Log(i + 1.0);
            if (logTerm > max)
            {
                scaled = (scaled * Math.Exp(max - logTerm)) + 1;
                max = logTerm;
            }
            else
            {
                scaled += Math.Exp(logTerm - max);
            }
        }

        double total = Math.Exp(max) * scaled;
        return double.IsFinite(total) ? Math.Clamp(total, 0.0, 1.0) : 0.5;
    }

    /// <summary>
    /// ln Γ(x + a) − ln Γ(x) for x, a ≥ 1, without subtracting two huge log-gammas: for large x by Stirling's series,
    /// where the parts that would cancel are one log1p; for small x the log-gammas subtract with little loss.
    /// </summary>
    private static double LogGammaRatio(double x, double a)
    {
        if (x < 1e4)
        {
            return SpecialFunctions.GammaLn(x + a) - SpecialFunctions.GammaLn(x);
        }

        // (y − ½) ln y − (x − ½) ln x − a = (x − ½) ln(1 + a/x) + a ln y − a, plus the difference of Stirling's corrections.
        double y = x + a;
        return ((x - 0.5) * LogOnePlus(a / x)) + (a * Math.Log(y)) - a + (StirlingCorrection(y) - StirlingCorrection(x));
    }

    // 1/(12z) − 1/(360z³) + 1/(1260z⁵): the error is below 1/(1680z⁷), nothing at z ≥ 1e4.
    private static double StirlingCorrection(double z)
    {
        double inverse = 1 / z, square = inverse * inverse;
        return inverse * ((1.0 / 12) - (square * ((1.0 / 360) - (square / 1260))));
    }

    /// <summary>ln(1 + v), accurate for tiny v where ln of the rounded 1 + v is not (Goldberg's correction).</summary>
    private static double LogOnePlus(double v)
    {
        double u = 1 + v;
        return u == 1 ? v : Math.Log(u) * v / (u - 1);
    }

    internal static void ValidateCounts(long successes, long trials, string successesName, string trialsName)
    {
        if (trials < 0)
        {
            throw new ArgumentOutOfRangeException(trialsName, trials, "A number of trials cannot be negative.");
        }

        if (successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(successesName, successes, $"Successes must be between 0 and the number of trials ({trials}).");
        }
    }

    private static ProportionComparison NoTrials(ProportionTest test, long successesA, long trialsA, long successesB, long trialsB, bool small) =>
        new(test, trialsA == 0 ? 0 : (double)successesA / trialsA, trialsB == 0 ? 0 : (double)successesB / trialsB, 0, 1, small, StatisticNotComputableReason.NoTrials);

    private static bool HasSmallExpectedCounts(long successesA, long trialsA, long successesB, long trialsB)
    {
        double total = (double)trialsA + trialsB;
        if (total == 0)
        {
            return true;
        }

        double successes = (double)successesA + successesB;
        double smallestColumn = Math.Min(successes, total - successes);
        double smallestRow = Math.Min(trialsA, trialsB);
        return smallestRow * smallestColumn / total < 5;
    }

    /// <summary>Two-sided Fisher p-value for X = successesA ~ Hypergeometric(rows trialsA, trialsB; column total successes).</summary>
    private static double FisherTwoSided(long observed, long rowA, long rowB, long successes)
    {
        long low = Math.Max(0, successes - rowB);
        long high = Math.Min(successes, rowA);

        // log w(x) relative to w(low), from the exact ratio w(x+1)/w(x) = (rowA − x)(successes − x) / ((x + 1)(rowB − successes + x + 1)).
        double logObserved = 0;
        double logMax = 0;
        double logW = 0;
        for (long x = low; x <= high; x++)
        {
            if (x == observed)
            {
                logObserved = logW;
            }

            logMax = Math.Max(logMax, logW);
            logW += LogRatio(x, rowA, rowB, successes);
        }

        double threshold = logObserved + 1e-7;
        double all = 0;
        double extreme = 0;
        logW = 0;
        for (long x = low; x <= high; x++)
        {
            double w = Math.Exp(logW - logMax);
            all += w;
            if (logW <= threshold)
            {
                extreme += w;
            }

            logW += LogRatio(x, rowA, rowB, successes);
        }

        return Math.Min(1.0, extreme / all);
    }

    private static double LogRatio(long x, long rowA, long rowB, long successes) =>
        Math.Log((double)(rowA - x) * (successes - x) / ((double)(x + 1) * (rowB - successes + x + 1)));

    /// <summary>The lower-tail quantile of Beta(a, b): the x with I<sub>x</sub>(a, b) = p.</summary>
    /// <remarks>
    /// MathNet's root finder stops at an absolute 1e-12, too coarse for the tiny quantiles of small counts, so its answer
    /// only seeds a safeguarded Newton iteration (bisection whenever a step leaves the bracket) polished to full precision.
    /// </remarks>
    internal static double BetaQuantile(double a, double b, double p)
    {
        double lo = 0;
        double hi = 1;
        double x = Beta.InvCDF(a, b, p);
        if (!(x > 0 && x < 1))
        {
            x = 0.5;
        }

        double logBeta = SpecialFunctions.BetaLn(a, b);
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double f = SpecialFunctions.BetaRegularized(a, b, x) - p;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            double density = Math.Exp(((a - 1) * Math.Log(x)) + ((b - 1) * Math.Log(1 - x)) - logBeta);
            double next = x - (f / density);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) <= 1e-15 * x || hi - lo <= 1e-17 * x)
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    internal static void ValidateCounts(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
    }

    internal static double ZForConfidence(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be strictly between 0 and 1.");
        }

        // From the lower tail: 1 − (1 − c)/2 rounds to exactly 1 for c within 1e-16 of 1, and the quantile of 1 is
        // infinite; (1 − c)/2 itself stays a small positive number with a finite quantile.
        return -Normal.InvCDF(0, 1, (1 - confidence) / 2);
    }
}
