package ai.bigdata.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The machine a run measured on: cores, CPU model and the instruction-set flags that decide which
 * native kernels run (ratios between us and a peer depend on them: a run on an AVX2-only processor
 * and one on an AVX-512 processor give different ratios), and the JVM.
 */
record MachineInfo(int cores, String cpu, List<String> flags, String jvm) {
    /** The flags worth naming: the vector extensions oneDNN, OpenBLAS and PyTorch dispatch on. */
    static final List<String> RELEVANT_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512bw",
            "avx512vl", "avx512dq", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16", "amx_int8");

    /** Reads this machine (from {@code /proc/cpuinfo} where there is one). */
    static MachineInfo current() {
        String cpu = System.getProperty("os.arch");
        Set<String> all = Set.of();
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name") && cpu.equals(System.getProperty("os.arch"))) {
                    cpu = l.substring(l.indexOf(':') + 1).trim();
                } else if (l.startsWith("flags") && all.isEmpty()) {
                    all = Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")).collect(Collectors.toSet());
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc/cpuinfo: the architecture alone is named
        }
        Set<String> present = all;
        List<String> flags = RELEVANT_FLAGS.stream().filter(present::contains).toList();
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpu, flags,
                ManagementFactory.getRuntimeMXBean().getVmName() + " " + System.getProperty("java.version"));
    }

    @Override
    public String toString() {
        return cores + " cores, " + cpu + " (flags: " + (flags.isEmpty() ? "unknown" : String.join(" ", flags)) + "), " + jvm;
    }
}
