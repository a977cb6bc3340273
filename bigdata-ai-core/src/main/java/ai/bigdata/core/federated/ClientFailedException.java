package ai.bigdata.core.federated;

/** A client could not take part: it failed, disconnected or answered out of protocol. Names the client and round. */
public final class ClientFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String client;
    private final int round;

    /** A failure of {@code client} in {@code round} (0 before the first round, during the hand-shake). */
    public ClientFailedException(String client, int round, String message, Throwable cause) {
        super("client '" + client + "'" + (round > 0 ? " in round " + round : " at hand-shake") + ": " + message, cause);
        this.client = client;
        this.round = round;
    }

    /** The client's name. */
    public String client() {
        return client;
    }

    /** The round (1-based), or 0 for the hand-shake. */
    public int round() {
        return round;
    }
}
