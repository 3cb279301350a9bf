package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import java.util.List;

/**
 * A statement on one segment, carried out for every occurrence of it (every OBR of a message with
 * two orders, every FT1 of a claim) that its guard allows.
 */
abstract class SegmentStatement implements Statement {

    private final String segment;

    SegmentStatement(String segment) {
        this.segment = segment;
    }

    @Override
    public final void apply(Message message, Guard guard) throws HL7Exception, StepFailed {
        List<Segment> occurrences = MessageSegments.all(message, segment);
        if (occurrences.isEmpty() && createsMissingSegment() && guard.allows(message, segment, null)) {
            applyTo(MessageSegments.create(message, segment), 1);
        }
        for (int i = 0; i < occurrences.size(); i++) {
            if (guard.allows(message, segment, occurrences.get(i))) {
                applyTo(occurrences.get(i), i + 1);
            }
        }
    }

    /**
     * @param number which occurrence this is, from 1, for error messages
     */
    abstract void applyTo(Segment occurrence, int number) throws HL7Exception, StepFailed;

    /** Whether a message without the segment gets one (where its structure first allows it). */
    boolean createsMissingSegment() {
        return false;
    }
}
