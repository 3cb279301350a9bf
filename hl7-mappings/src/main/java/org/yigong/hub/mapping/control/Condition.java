package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import java.util.List;

/**
 * {@code when <path> = <value>}, {@code when <path> in <v1>, <v2>},
 * {@code when <path> is empty}, {@code when <path> is not empty}: the condition of the one
 * statement on the next line.
 *
 * <p>When that statement works on the same segment as the condition, the condition is checked for
 * each occurrence and the statement changes only those where it holds ({@code when FT1-6 = CG}
 * before {@code lookup FT1-7 ...} looks up charges, not credits). Otherwise the condition is
 * checked once, in the first occurrence of its segment. A segment the message does not have reads
 * as empty.
 */
record Condition(FieldPath path, Test test, List<String> values) implements Guard {

    /** How the value at the path is tested. */
    enum Test { EQUALS, IN, EMPTY, NOT_EMPTY }

    @Override
    public boolean allows(Message message, String segment, Segment occurrence) throws HL7Exception {
        Segment tested = path.segment().equals(segment) ? occurrence : MessageSegments.first(message, path.segment()).orElse(null);
        return holds(tested == null ? "" : path.read(tested));
    }

    @Override
    public boolean allows(TextMessage message, String segment, TextSegment occurrence) {
        TextSegment tested = path.segment().equals(segment) ? occurrence : message.first(path.segment());
        return holds(tested == null ? "" : path.read(tested));
    }

    @Override
    public boolean worksOnText(FieldTypes types) {
        return path.readsAsText(types);
    }

    private boolean holds(String value) {
        return switch (test) {
            case EQUALS -> value.equals(values.get(0));
            case IN -> values.contains(value);
            case EMPTY -> value.isEmpty();
            case NOT_EMPTY -> !value.isEmpty();
        };
    }
}
