package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;

/**
 * {@code drop segment <NAME>}: removes every occurrence (that its guard allows). Z-segments and
 * other segments a mapping does not drop travel on unchanged.
 */
final class DropSegment extends SegmentStatement {

    DropSegment(String segment) {
        super(segment);
    }

    @Override
    void applyTo(Segment occurrence, int number) throws HL7Exception {
        MessageSegments.remove(occurrence);
    }

    @Override
    void applyTo(TextSegment occurrence, int number, TextMessage message) {
        message.remove(occurrence);
    }
}
