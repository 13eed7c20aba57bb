package dev.skillmark.attempt;

/** Who is on the other end: the address Skillmark sees and the browser's user agent. */
public record Client(String address, String agent) {
    public static final Client UNKNOWN = new Client("", "");

    public Client {
        address = address == null ? "" : address.length() > 100 ? address.substring(0, 100) : address;
        agent = agent == null ? "" : agent.length() > 500 ? agent.substring(0, 500) : agent;
    }
}
