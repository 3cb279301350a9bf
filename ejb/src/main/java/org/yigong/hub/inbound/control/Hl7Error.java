package org.yigong.hub.inbound.control;

/**
 * What is wrong with a message, as the ERR segment tells the sender: an HL7 error code, where
 * (segment^sequence^field, e.g. {@code MSH^1^10}; empty when the whole message is concerned) and a
 * sentence a hospital IT engineer understands. Never message content.
 */
public record Hl7Error(Hl7ErrorCode code, String location, String text) {

    public Hl7Error {
        location = location == null ? "" : location;
    }

    public static Hl7Error at(String segment, int field, Hl7ErrorCode code, String text) {
        return new Hl7Error(code, segment + "^1^" + field, text);
    }
}
