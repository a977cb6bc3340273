package ai.bigdata.core.train;

import ai.bigdata.core.internal.NdFloats;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * The state and step of {@link FusedAdam} for one block of parameters: the moments are views of the
 * network's updater state; each step copies gradient and moments into reused arrays, updates them in
 * one loop and writes them back (three bulk copies each way at memory speed).
 */
final class FusedAdamStep implements GradientUpdater<FusedAdam> {
    private final FusedAdam config;
    private INDArray m;
    private INDArray v;
    private float[] g = new float[0];
    private float[] mm = new float[0];
    private float[] vv = new float[0];

    FusedAdamStep(FusedAdam config) {
        this.config = config;
    }

    @Override
    public FusedAdam getConfig() {
        return config;
    }

    @Override
    public void setState(Map<String, INDArray> stateMap, boolean initialize) {
        if (!stateMap.containsKey("M") || !stateMap.containsKey("V")) {
            throw new IllegalStateException("Adam state needs arrays M and V, got " + stateMap.keySet());
        }
        m = stateMap.get("M");
        v = stateMap.get("V");
        if (initialize) {
            m.assign(0);
            v.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> s = new LinkedHashMap<>();
        s.put("M", m);
        s.put("V", v);
        return s;
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (viewArray.dataType() != DataType.FLOAT || viewArray.elementWiseStride() != 1) {
            throw new IllegalArgumentException("FusedAdam needs a contiguous float32 state, got " + viewArray.dataType()
                    + " with element stride " + viewArray.elementWiseStride());
        }
        if (initialize) {
            viewArray.assign(0);
        }
        INDArray flat = viewArray.reshape(viewArray.length());
        long n = viewArray.length() / 2;
        m = flat.get(NDArrayIndex.interval(0, n));
        v = flat.get(NDArrayIndex.interval(n, 2 * n));
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (m == null) {
            throw new IllegalStateException("FusedAdam was not given its state");
        }
        int n = (int) gradient.length();
        if (n != m.length() || gradient.dataType() != DataType.FLOAT || gradient.elementWiseStride() != 1) {
            throw new IllegalArgumentException("FusedAdam expected a contiguous float32 gradient of " + m.length()
                    + " values, got " + gradient.length() + " " + gradient.dataType() + " with element stride "
                    + gradient.elementWiseStride());
        }
        if (g.length < n) {
            g = new float[n];
            mm = new float[n];
            vv = new float[n];
        }
        NdFloats.read(gradient, g, n);
        NdFloats.read(m, mm, n);
        NdFloats.read(v, vv, n);
        double t = iteration + 1.0;
        float alpha = (float) (config.getLearningRate(iteration, epoch) * Math.sqrt(1 - Math.pow(config.beta2(), t))
                / (1 - Math.pow(config.beta1(), t)));
        float b1 = (float) config.beta1();
        float b2 = (float) config.beta2();
        float eps = (float) config.epsilon();
        for (int k = 0; k < n; k++) {
            float x = g[k];
            float mk = b1 * mm[k] + (1 - b1) * x;
            float vk = b2 * vv[k] + (1 - b2) * x * x;
            mm[k] = mk;
            vv[k] = vk;
            g[k] = alpha * mk / ((float) Math.sqrt(vk) + eps);
        }
        NdFloats.write(g, gradient, n);
        NdFloats.write(mm, m, n);
        NdFloats.write(vv, v, n);
    }
}
