package ai.bigdata.core.prep;

import java.util.Map;

/**
 * Reads one kind of user-defined {@link Transform} back from its JSON parameters, so that the transform
 * can go into saved pipelines and model bundles. {@link TransformJson} finds implementations with
 * {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/ai.bigdata.core.prep.TransformKind}, and give it a public no-argument
 * constructor. Writing needs nothing more: {@link TransformJson#write} stores any transform's
 * {@link Transform#kind()} and {@link Transform#parameters()}.
 */
public interface TransformKind {
    /** The kind tag this reader handles; equal to {@link Transform#kind()} of the transforms it reads. */
    String kind();

    /** The transform whose {@link Transform#parameters()} were {@code parameters}. */
    Transform fromParameters(Map<String, Object> parameters);
}
