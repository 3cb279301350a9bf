package org.yigong.hub.inbound.control;

import java.nio.charset.Charset;

/**
 * What the sender gets for one message once its transaction committed: the ACK text, in which
 * charset, and whether it is the original ACK of an earlier copy (a duplicate).
 */
public record Stored(long messageId, AckCode ackCode, String ackText, Charset charset, boolean duplicate) {

    Stored asDuplicate() {
        return new Stored(messageId, ackCode, ackText, charset, true);
    }

    public byte[] ackBytes() {
        return ackText.getBytes(charset);
    }
}
