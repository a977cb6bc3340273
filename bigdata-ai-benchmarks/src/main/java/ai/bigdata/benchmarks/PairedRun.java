package ai.bigdata.benchmarks;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The child JVM of an interleaved comparison: builds one JMH state object (its first {@code @Param}
 * values, its trial-level {@code @Setup}), runs the two benchmark methods alternately, ABBA order in
 * every round so that a slow drift of the machine weighs on both alike, and prints one line
 * {@code pair <ours ns> <baseline ns>} per call pair. Arguments: state class, our method, the baseline
 * method, warm-up rounds, measured rounds, then any {@code name=value} that replaces a parameter's
 * first value (a smoke run's small sizes).
 */
public final class PairedRun {
    private PairedRun() {
    }

    /** Entry point for the child JVM (see the class comment for the arguments). */
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        Method ours = type.getMethod(args[1]);
        Method base = type.getMethod(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        Object state = type.getDeclaredConstructor().newInstance();
        java.util.Map<String, String> overrides = new java.util.HashMap<>();
        for (int i = 5; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            overrides.put(kv[0], kv[1]);
        }
        for (Field f : type.getFields()) {
            Param p = f.getAnnotation(Param.class);
            if (p != null && p.value().length > 0) {
                f.set(state, convert(f.getType(), overrides.getOrDefault(f.getName(), p.value()[0])));
            }
        }
        lifecycle(type, state, Setup.class);
        try {
            for (int r = 0; r < warmup; r++) {
                call(ours, state);
                call(base, state);
            }
            for (int r = 0; r < rounds; r++) {
                // ABBA: our first call of the round comes first, our second comes last
                long a1 = call(ours, state);
                long b1 = call(base, state);
                long b2 = call(base, state);
                long a2 = call(ours, state);
                System.out.println("pair " + a1 + " " + b1);
                System.out.println("pair " + a2 + " " + b2);
            }
        } finally {
            lifecycle(type, state, TearDown.class);
        }
    }

    private static long call(Method m, Object state) throws Exception {
        long t = System.nanoTime();
        try {
            m.invoke(state);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
        return System.nanoTime() - t;
    }

    /** Runs the trial-level methods with the annotation; any other level is refused (not supported here). */
    private static void lifecycle(Class<?> type, Object state, Class<? extends java.lang.annotation.Annotation> kind)
            throws Exception {
        for (Method m : type.getMethods()) {
            java.lang.annotation.Annotation a = m.getAnnotation(kind);
            if (a == null) {
                continue;
            }
            Level level = a instanceof Setup s ? s.value() : ((TearDown) a).value();
            if (level != Level.Trial) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + m.getName() + " runs at level " + level
                        + "; interleaved comparisons support trial-level set-up only");
            }
            try {
                m.invoke(state);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
    }

    private static Object convert(Class<?> t, String v) {
        if (t == int.class) {
            return Integer.parseInt(v);
        }
        if (t == long.class) {
            return Long.parseLong(v);
        }
        if (t == boolean.class) {
            return Boolean.parseBoolean(v);
        }
        if (t == String.class) {
            return v;
        }
        throw new IllegalArgumentException("@Param of type " + t + " is not supported by interleaved comparisons");
    }
}
