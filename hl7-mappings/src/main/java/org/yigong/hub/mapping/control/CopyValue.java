package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;

/**
 * {@code copy <from> to <to>}: a whole field when both paths are fields, otherwise one value (a
 * field path then means its first component). Within one segment ({@code copy OBR-4-1 to OBR-4-4})
 * each occurrence copies from itself; from another segment, the value comes from that segment's
 * first occurrence. An absent value copies as empty; segments are not created.
 */
final class CopyValue extends SegmentStatement {

    private final FieldPath from;
    private final FieldPath to;

    CopyValue(FieldPath from, FieldPath to) {
        super(to.segment());
        this.from = from;
        this.to = to;
    }

    @Override
    void applyTo(Segment occurrence, int number) throws HL7Exception {
        Segment source = from.segment().equals(to.segment()) ? occurrence
                : MessageSegments.first(occurrence.getMessage(), from.segment()).orElse(null);
        boolean wholeField = from.isField() && to.isField();
        String value = source == null ? "" : (wholeField ? from : from.code()).read(source);
        (wholeField ? to : to.code()).write(occurrence, value);
    }

    @Override
    void applyTo(TextSegment occurrence, int number, TextMessage message) throws NeedsStructure {
        TextSegment source = from.segment().equals(to.segment()) ? occurrence : message.first(from.segment());
        boolean wholeField = from.isField() && to.isField();
        String value = source == null ? "" : (wholeField ? from : from.code()).read(source);
        (wholeField ? to : to.code()).write(occurrence, value);
    }

    @Override
    public boolean worksOnText(FieldTypes types) {
        return from.readsAsText(types) && to.writesAsText(types);
    }
}
