package org.yigong.hub.inbound.control;

import java.time.Instant;

/**
 * A frame as it came off a channel's connection: the bytes between MLLP start and end block.
 *
 * @param truncated the frame exceeded the channel's max-message-bytes: {@code bytes} is only its
 *                  beginning, kept so that the message can be identified and answered AR
 */
public record Arrival(Channel channel, String remoteAddress, Instant receivedAt, byte[] bytes, boolean truncated) {

    public Arrival(Channel channel, String remoteAddress, Instant receivedAt, byte[] bytes) {
        this(channel, remoteAddress, receivedAt, bytes, false);
    }
}
