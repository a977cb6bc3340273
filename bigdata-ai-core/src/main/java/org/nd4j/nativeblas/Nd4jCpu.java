package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility bridge for Deeplearning4j 1.0.0-M2.1's oneDNN layer helpers.
 *
 * <p>DL4J M2.1 decides whether its oneDNN (MKL-DNN) helpers may run by looking up the class
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} and calling {@code getInstance().isUseMKLDNN()}.
 * ND4J M2.1 moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment} and
 * renamed the method {@code isUseONEDNN()}, so the lookup fails, DL4J logs an error and silently runs
 * every convolution through its slow Java im2col path. This class restores the old name and forwards
 * to the real one by reflection (so that it also compiles against the CUDA backend, which lacks it);
 * it holds no state and changes nothing in ND4J. {@code ai.bigdata.core.engine.Engine} documents
 * when it is used.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old name of ND4J's native environment, forwarding to the current one. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();
        private static final String CURRENT = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

        private Environment() {
        }

        /** The single instance, as DL4J expects. */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether ND4J's native library was built with oneDNN and uses it (false on other backends). */
        public boolean isUseMKLDNN() {
            try {
                Class<?> env = Class.forName(CURRENT);
                Object instance = env.getMethod("getInstance").invoke(null);
                Method use = env.getMethod("isUseONEDNN");
                return (Boolean) use.invoke(instance);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
