package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;

/** Decides whether a statement applies; a {@link Condition} written as {@code when}, or always. */
interface Guard {

    Guard ALWAYS = new Guard() {

        @Override
        public boolean allows(Message message, String segment, Segment occurrence) {
            return true;
        }

        @Override
        public boolean allows(TextMessage message, String segment, TextSegment occurrence) {
            return true;
        }
    };

    /**
     * @param segment the segment the statement works on, {@code null} for a statement on the whole
     *     message ({@code version}, {@code escape})
     * @param occurrence the occurrence of that segment about to be changed, {@code null} when the
     *     message has none (or the statement works on the whole message)
     */
    boolean allows(Message message, String segment, Segment occurrence) throws HL7Exception;

    /** The same on the text of the message. */
    boolean allows(TextMessage message, String segment, TextSegment occurrence);

    /** Whether the guard can be decided on text (see {@link Statement#worksOnText}). */
    default boolean worksOnText(FieldTypes types) {
        return true;
    }
}
