package ai.bigdata.core.federated;

/**
 * A party in a process of its own: it builds the olive parts of {@link FederatedFixtures} itself, keeps
 * part {@code args[0]} of {@code args[1]} (label-skewed when {@code args[2]} is "skewed"), serves it on a
 * free loopback port, prints {@code PORT <n>} and exits when the server says goodbye.
 */
public final class EndpointChild {
    private EndpointChild() {
    }

    public static void main(String[] args) throws Exception {
        int part = Integer.parseInt(args[0]);
        int parts = Integer.parseInt(args[1]);
        try (FederatedFixtures f = new FederatedFixtures(parts, "skewed".equals(args[2]));
             ClientEndpoint endpoint = ClientEndpoint.open(f.parts.get(part), 0)) {
            System.out.println("PORT " + endpoint.port());
            System.out.flush();
            endpoint.serve();
        }
        System.out.println("DONE");
    }
}
