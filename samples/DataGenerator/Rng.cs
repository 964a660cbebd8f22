namespace DataGenerator;

/// <summary>
/// SplitMix64: a tiny pseudo-random generator whose output is fixed by its algorithm, unlike
/// <see cref="Random"/>, whose seeded sequence is an implementation detail of the runtime.
/// </summary>
/// <remarks>
/// Every draw uses only integer arithmetic and IEEE additions, multiplications and comparisons
/// (no Math.Log/Exp/Sin, whose last bits may differ between platforms), so the committed data set
/// regenerates byte for byte on any machine.
/// </remarks>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    /// <summary>Uniform integer in [minInclusive, maxExclusive).</summary>
    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Approximately standard normal: the Irwin-Hall sum of twelve uniforms minus six.</summary>
    public double NextNormal()
    {
        double sum = 0;
        for (int i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Pick(ReadOnlySpan<double> weights)
    {
        double total = 0;
        foreach (double w in weights)
        {
            total += w;
        }

        double x = NextDouble() * total;
        for (int i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>A random string over lower/upper letters and digits, as click ids look.</summary>
    public string Token(int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        return string.Create(length, this, static (span, rng) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[rng.Next(Alphabet.Length)];
            }
        });
    }
}
