package io.github.cloudify4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The client's own CPU per call, SDK against hand-written, in one JVM: after a warm-up, blocks of SDK calls and of
 * hand-written calls alternate (which goes first alternates too), and each block's thread CPU time and wall time
 * are added to its side. The server's and the machine's drift hits both sides alike, so this ratio moves by a few
 * percent between runs where a JMH score moves by 20-50 %. It reads a few percent low, though: sharing the JVM,
 * the hand-written path runs on JIT profiles the SDK's calls also shaped and is slower than alone. It complements
 * the JMH figures (each side in its own JVM); it does not replace them.
 */
final class InterleavedCpu {
  private InterleavedCpu() {}

  /** An operation to measure, run {@code calls} times. */
  interface Op {
    void run() throws Exception;
  }

  /**
   * Figures {@code <name>_cpu_sdk_us}, {@code <name>_cpu_raw_us}, {@code <name>_cpu_ratio} and
   * {@code <name>_wall_ratio_interleaved}.
   */
  static Map<String, Object> measure(String name, Op sdk, Op raw, int warmupCalls, int blockCalls, int rounds)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < warmupCalls; i++) {
      sdk.run();
      raw.run();
    }
    long[] cpu = new long[2];
    long[] wall = new long[2];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < 2; k++) {
        int side = (round + k) % 2; // 0 = SDK, 1 = hand-written
        Op op = side == 0 ? sdk : raw;
        long wall0 = System.nanoTime();
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < blockCalls; i++) {
          op.run();
        }
        cpu[side] += threads.getCurrentThreadCpuTime() - cpu0;
        wall[side] += System.nanoTime() - wall0;
      }
    }
    double calls = (double) rounds * blockCalls;
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put(name + "_cpu_sdk_us", round1(cpu[0] / calls / 1000));
    figures.put(name + "_cpu_raw_us", round1(cpu[1] / calls / 1000));
    figures.put(name + "_cpu_ratio", round3((double) cpu[0] / cpu[1]));
    figures.put(name + "_wall_ratio_interleaved", round3((double) wall[0] / wall[1]));
    return figures;
  }

  private static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }

  private static double round3(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
