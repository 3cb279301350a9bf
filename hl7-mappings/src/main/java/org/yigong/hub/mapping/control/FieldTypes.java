package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.GenericMessage;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.ModelClassFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The data types HAPI gives the fields of HL7 2.5.1 segments, as far as translating on the text of
 * a message needs them: HAPI reads {@code a&b} in a primitive field (PID-1, NTE-3) as two
 * components, and types OBX-5 by OBX-2, so such text is left to HAPI.
 *
 * <p>What HAPI says about a segment or a data type never changes, so it is looked up once and kept;
 * the maps only ever grow to the segment names and type names of HL7, and are safe to share.
 */
final class FieldTypes {

    /** How HAPI models a field. */
    enum Kind {
        PRIMITIVE, COMPOSITE,
        /** a field of a local or unknown segment, a field past the segment's definition, OBX-5 */
        VARIES
    }

    private static final Pattern TYPE_NAME = Pattern.compile("[A-Z][A-Z0-9]{1,2}");
    private static final Kind[] UNKNOWN = new Kind[0];

    private final ModelClassFactory classes;
    private final Map<String, Kind[]> segments = new ConcurrentHashMap<>();
    private final Map<String, Boolean> types = new ConcurrentHashMap<>();

    FieldTypes(ModelClassFactory classes) {
        this.classes = classes;
    }

    /**
     * @param segment a segment name of three capitals or digits
     */
    Kind kind(String segment, int field) {
        Kind[] kinds = segments.computeIfAbsent(segment, this::describe);
        return field < kinds.length ? kinds[field] : Kind.VARIES;
    }

    /** Whether HAPI knows a 2.5.1 data type of this name (OBX-2 names the type of OBX-5). */
    boolean isDataType(String name) {
        return TYPE_NAME.matcher(name).matches() && types.computeIfAbsent(name, this::exists);
    }

    private boolean exists(String type) {
        try {
            return classes.getTypeClass(type, CanonicalModel.VERSION) != null;
        } catch (HL7Exception e) {
            return false;
        }
    }

    /** Index 1 is field 1; index 0 is unused. */
    private Kind[] describe(String name) {
        try {
            Class<? extends Segment> type = classes.getSegmentClass(name, CanonicalModel.VERSION);
            if (type == null) {
                return UNKNOWN;
            }
            Segment segment = type.getConstructor(Group.class, ModelClassFactory.class)
                    .newInstance(new GenericMessage.V251(classes), classes);
            Kind[] kinds = new Kind[segment.numFields() + 1];
            kinds[0] = Kind.VARIES;
            for (int field = 1; field < kinds.length; field++) {
                Object value = segment.getField(field, 0);
                kinds[field] = value instanceof Primitive ? Kind.PRIMITIVE : value instanceof Composite ? Kind.COMPOSITE : Kind.VARIES;
            }
            return kinds;
        } catch (ReflectiveOperationException | HL7Exception e) {
            throw new IllegalStateException("HAPI cannot describe segment " + name, e);
        }
    }
}
