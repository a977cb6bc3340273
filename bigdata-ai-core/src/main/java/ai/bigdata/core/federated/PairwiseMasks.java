package ai.bigdata.core.federated;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One client's side of simulated secure aggregation (after Bonawitz et al. 2017, without dropout
 * recovery): an X25519 key pair; with every other participant of a round it agrees a shared secret, and
 * expands SHA-256(secret, round) with AES-CTR into a mask of 64-bit integers. The lower-positioned client
 * of each pair adds the mask, the higher one subtracts it, so the masks cancel in the sum modulo 2^64 and
 * any single masked update looks uniformly random to the server.
 */
final class PairwiseMasks {
    private static final int CHUNK_LONGS = 1 << 14;
    private final KeyPair keys;
    private final Map<String, byte[]> secrets = new HashMap<>();

    PairwiseMasks() {
        try {
            this.keys = KeyPairGenerator.getInstance("X25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no X25519 key agreement", e);
        }
    }

    /** The public key, X.509 encoded. */
    byte[] publicKey() {
        return keys.getPublic().getEncoded();
    }

    /** Adds this client's masks for {@code round} to {@code values} in place. */
    void apply(long[] values, int round, List<byte[]> participants, int self) {
        for (int j = 0; j < participants.size(); j++) {
            if (j == self) {
                continue;
            }
            addMask(values, secret(participants.get(j)), round, j > self);
        }
    }

    private byte[] secret(byte[] peer) {
        String id = java.util.Base64.getEncoder().encodeToString(peer);
        return secrets.computeIfAbsent(id, k -> agree(peer));
    }

    private byte[] agree(byte[] peer) {
        try {
            PublicKey other = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(peer));
            KeyAgreement ka = KeyAgreement.getInstance("X25519");
            ka.init(keys.getPrivate());
            ka.doPhase(other, true);
            return ka.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("a participant's public key is not an X25519 key: " + e.getMessage(), e);
        }
    }

    private static void addMask(long[] values, byte[] secret, int round, boolean add) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secret);
            sha.update(ByteBuffer.allocate(8).putLong(round).array());
            byte[] key = java.util.Arrays.copyOf(sha.digest(), 16);
            Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[16]));
            byte[] zeros = new byte[CHUNK_LONGS * 8];
            for (int at = 0; at < values.length; at += CHUNK_LONGS) {
                int n = Math.min(CHUNK_LONGS, values.length - at);
                byte[] stream = aes.update(zeros, 0, n * 8);
                ByteBuffer b = ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    long m = b.getLong();
                    values[at + i] = add ? values[at + i] + m : values[at + i] - m;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM lacks SHA-256 or AES-CTR", e);
        }
    }
}
