package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;

/** {@code clear <path>}: a field without repetition loses all its repetitions; a component all its sub-components. */
final class ClearValue extends SegmentStatement {

    private final FieldPath target;

    ClearValue(FieldPath target) {
        super(target.segment());
        this.target = target;
    }

    @Override
    void applyTo(Segment occurrence, int number) throws HL7Exception {
        target.clear(occurrence);
    }

    @Override
    void applyTo(TextSegment occurrence, int number, TextMessage message) throws NeedsStructure {
        target.clear(occurrence);
    }

    @Override
    public boolean worksOnText(FieldTypes types) {
        return target.writesAsText(types);
    }
}
