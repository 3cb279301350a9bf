package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;

/**
 * {@code set <path> = <constant>}: the constant is the rest of the line, blanks around it removed,
 * possibly empty. For a whole field it is HL7 text ({@code ED^^^CNTY_GH}); for a component, one
 * value. A message without the segment gets one.
 */
final class SetValue extends SegmentStatement {

    private final FieldPath target;
    private final String constant;

    SetValue(FieldPath target, String constant) {
        super(target.segment());
        this.target = target;
        this.constant = constant;
    }

    @Override
    void applyTo(Segment occurrence, int number) throws HL7Exception {
        target.write(occurrence, constant);
    }

    @Override
    void applyTo(TextSegment occurrence, int number, TextMessage message) throws NeedsStructure {
        target.write(occurrence, constant);
    }

    @Override
    public boolean worksOnText(FieldTypes types) {
        return target.writesAsText(types);
    }

    @Override
    boolean createsMissingSegment() {
        return true;
    }
}
