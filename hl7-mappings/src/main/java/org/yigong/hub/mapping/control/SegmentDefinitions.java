package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What HL7 2.5.1 (the canonical model) says a segment is, so that a mistyped path
 * ({@code PDI-3}, {@code PID-93}) fails when the mappings are loaded, not on the first message.
 * Local segments start with Z and may have any fields.
 */
final class SegmentDefinitions {

    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]{2}");

    private final ModelClassFactory classes;
    private final Map<String, Integer> fieldCounts = new HashMap<>();

    SegmentDefinitions(CanonicalModel model) {
        this.classes = model.classes();
    }

    /**
     * @throws IllegalArgumentException saying what is wrong
     */
    void checkName(String segment) {
        fields(segment);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong
     */
    void check(FieldPath path) {
        int fields = fields(path.segment());
        if (path.field() > fields) {
            throw new IllegalArgumentException("'" + path + "': " + path.segment() + " has " + fields + " fields in HL7 " + CanonicalModel.VERSION);
        }
    }

    private int fields(String segment) {
        if (!NAME.matcher(segment).matches()) {
            throw new IllegalArgumentException("'" + segment + "' is not a segment name (three capitals or digits, such as PID or ZSA)");
        }
        if (segment.startsWith("Z")) {
            return Integer.MAX_VALUE;
        }
        return fieldCounts.computeIfAbsent(segment, this::count);
    }

    private int count(String segment) {
        try {
            Class<? extends Segment> type = classes.getSegmentClass(segment, CanonicalModel.VERSION);
            if (type == null) {
                throw new IllegalArgumentException("'" + segment + "' is not a segment of HL7 " + CanonicalModel.VERSION
                        + " (local segments start with Z)");
            }
            return type.getConstructor(Group.class, ModelClassFactory.class)
                    .newInstance(new GenericMessage.V251(classes), classes).numFields();
        } catch (ReflectiveOperationException | ca.uhn.hl7v2.HL7Exception e) {
            throw new IllegalStateException("HAPI cannot describe segment " + segment, e);
        }
    }
}
