package org.csat.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's only source of randomness: a {@link SplittableRandom} with the
 * draws the scripts need. Each day's schedule and each conversation get their own
 * instance seeded from {@code --seed} and their position, so output depends on the seed
 * alone and a change in one conversation's script does not shift every later one.
 */
final class Dice {
    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A seed for a sub-stream, mixed from the run seed and up to two positions. */
    static long derive(long seed, long first, long second) {
        long mixed = seed * 0x9E3779B97F4A7C15L + first;
        mixed = mix(mixed) * 0xBF58476D1CE4E5B9L + second;
        return mix(mixed);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Uniform in {@code [low, high]}, both inclusive. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** Uniform on a log scale between {@code low} and {@code high}: many short, few long. */
    int logUniform(int low, int high) {
        double value = Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
        return (int) Math.round(value);
    }

    private char digit() {
        return (char) ('0' + random.nextInt(10));
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(digit());
        }
        return out.toString();
    }

    <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    /** Index drawn with probability proportional to its weight. */
    int weighted(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double target = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
