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

    @Override
    public final void apply(TextMessage message, Guard guard) throws StepFailed, NeedsStructure {
        List<TextSegment> occurrences = message.all(segment);
        if (occurrences.isEmpty() && createsMissingSegment() && guard.allows(message, segment, null)) {
            // where the segment goes follows from the message's 2.5.1 structure, which text does not have
            throw new NeedsStructure("a new " + segment + " segment");
        }
        for (int i = 0; i < occurrences.size(); i++) {
            if (guard.allows(message, segment, occurrences.get(i))) {
                applyTo(occurrences.get(i), i + 1, message);
            }
        }
    }

    /**
     * @param number which occurrence this is, from 1, for error messages
     */
    abstract void applyTo(Segment occurrence, int number) throws HL7Exception, StepFailed;

    /** The same on text; {@code message} is the one the occurrence belongs to. */
    abstract void applyTo(TextSegment occurrence, int number, TextMessage message) throws StepFailed, NeedsStructure;

    /** Whether a message without the segment gets one (where its structure first allows it). */
    boolean createsMissingSegment() {
        return false;
    }
}
