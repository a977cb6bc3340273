package ai.bigdata.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Fitting states as byte arrays: Java serialization done here, so that Spark moves plain {@code byte[]}
 * whatever serializer it is configured with (Kryo would otherwise ignore a state's own serial form).
 * Classes are resolved through the thread's context class loader first, where executors put the
 * application's classes.
 */
final class StateBytes {
    private StateBytes() {
    }

    static byte[] write(Serializable state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise the fitting state " + state, e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <S extends Serializable> S read(byte[] bytes) {
        try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (S) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a fitting state", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot read a fitting state: class " + e.getMessage() + " is not on the class path", e);
        }
    }

    private static final class ContextObjectInputStream extends ObjectInputStream {
        ContextObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution below
                }
            }
            return super.resolveClass(desc);
        }
    }
}
