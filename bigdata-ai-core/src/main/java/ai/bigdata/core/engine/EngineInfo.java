package ai.bigdata.core.engine;

/**
 * What the compute engine is: the ND4J backend and native build, whether oneDNN is compiled in and
 * whether DL4J's oneDNN layer helpers are active.
 *
 * @param backend ND4J backend class (for example {@code CpuBackend})
 * @param build the native build (for example {@code linux-x86_64-onednn}); empty when unknown
 * @param oneDnn whether the native library has oneDNN and uses it
 * @param layerHelpers whether DL4J will run its layers through oneDNN
 * @param threads OpenMP threads of the native library
 * @param blas BLAS vendor
 */
public record EngineInfo(String backend, String build, boolean oneDnn, boolean layerHelpers, int threads, String blas) {
    @Override
    public String toString() {
        return "ND4J " + backend + " " + build + (oneDnn ? ", oneDNN on" : ", no oneDNN")
                + (layerHelpers ? ", DL4J layer helpers on" : ", DL4J layer helpers off") + ", " + threads + " threads, BLAS "
                + blas;
    }
}
