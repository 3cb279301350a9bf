package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.AbstractSegment;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.util.Terser;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in a segment as HL7 people write it: {@code PID-3}, {@code OBR-4-1},
 * {@code PID-3(1)-1}, {@code PID-3-4-2}. The repetition in parentheses counts from 0, as in HAPI's
 * {@link Terser}; without one, the first repetition is meant (and {@code clear} clears them all).
 *
 * <p>A path without a component stands for the whole field repetition in HL7 text
 * ({@code KHZ-OPD^^^TWN_KHZ}); with a component, for that one value, read and written with
 * {@link Terser} (a component's first sub-component unless a sub-component is given).
 */
record FieldPath(String segment, int field, int repetition, int component, int subcomponent) {

    static final int ANY_REPETITION = -1;

    private static final Pattern SYNTAX = Pattern.compile(
            "([A-Z][A-Z0-9]{2})-(\\d{1,3})(?:\\((\\d{1,2})\\))?(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    /**
     * @throws IllegalArgumentException saying what is wrong with the notation
     */
    static FieldPath parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a position such as PID-3, OBR-4-1 or PID-3(1)-1");
        }
        FieldPath path = new FieldPath(m.group(1), Integer.parseInt(m.group(2)),
                m.group(3) == null ? ANY_REPETITION : Integer.parseInt(m.group(3)),
                number(m.group(4)), number(m.group(5)));
        if (path.field == 0 || m.group(4) != null && path.component == 0 || m.group(5) != null && path.subcomponent == 0) {
            throw new IllegalArgumentException("'" + text + "': fields, components and sub-components count from 1");
        }
        if (path.segment.equals("MSH") && path.field <= 2) {
            throw new IllegalArgumentException("'" + text + "': MSH-1 and MSH-2 are the message's delimiters, which a mapping keeps");
        }
        return path;
    }

    private static int number(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    boolean isField() {
        return component == 0;
    }

    /** The field's first component when this is a field, else this component. */
    FieldPath code() {
        return isField() ? new FieldPath(segment, field, repetition, 1, 0) : this;
    }

    /** Another component of the same field repetition. */
    FieldPath withComponent(int other) {
        return new FieldPath(segment, field, repetition, other, 0);
    }

    /** The value here, {@code ""} when absent; reading never adds a repetition. */
    String read(Segment in) throws HL7Exception {
        Type[] repetitions = in.getField(field);
        if (repetitions.length <= rep()) {
            return "";
        }
        if (isField()) {
            return repetitions[rep()].encode();
        }
        return Objects.toString(Terser.get(in, field, rep(), component, sub()), "");
    }

    /** Writes a value here; for a whole field the value is HL7 text and may have components. */
    void write(Segment in, String value) throws HL7Exception {
        if (isField()) {
            Type target = in.getField(field, rep());
            target.clear();
            if (!value.isEmpty()) {
                target.parse(value);
            }
        } else {
            Terser.set(in, field, rep(), component, sub(), value);
        }
    }

    /** Empties this position: every repetition of a field unless one is given. */
    void clear(Segment in) throws HL7Exception {
        int count = in.getField(field).length;
        if (isField()) {
            for (int i = count - 1; i >= 0; i--) {
                if (repetition == ANY_REPETITION || repetition == i) {
                    ((AbstractSegment) in).removeRepetition(field, i);
                }
            }
        } else if (count > rep()) {
            int last = subcomponent > 0 ? subcomponent : Terser.numSubComponents(in.getField(field, rep()), component);
            for (int sub = subcomponent > 0 ? subcomponent : 1; sub <= last; sub++) {
                Terser.set(in, field, rep(), component, sub, "");
            }
        }
    }

    /** The value here in a segment's text, as {@link #read(Segment)} gives it. */
    String read(TextSegment in) {
        return in.read(this);
    }

    /** Writes here in a segment's text, as {@link #write(Segment, String)} does. */
    void write(TextSegment in, String value) throws NeedsStructure {
        in.write(this, value);
    }

    /** Empties this position in a segment's text, as {@link #clear(Segment)} does. */
    void clear(TextSegment in) throws NeedsStructure {
        in.clear(this);
    }

    /**
     * Whether the text of a message gives what {@link Terser} reads here. It does not for a
     * sub-component of the first component of a field that is not a composite: HAPI takes
     * {@code PID-1-1-2} for PID-1's second component, and {@code OBX-5-1-2} for one or the other by
     * the type in OBX-2 (a local segment's field would do, but is not worth the distinction).
     */
    boolean readsAsText(FieldTypes types) {
        return component != 1 || subcomponent < 2 || types.kind(segment, field) == FieldTypes.Kind.COMPOSITE;
    }

    /** Whether writing here on text gives what HAPI writes; not for OBX-2 and OBX-5, which type each other. */
    boolean writesAsText(FieldTypes types) {
        return readsAsText(types) && !(segment.equals("OBX") && (field == 2 || field == 5));
    }

    private int rep() {
        return Math.max(repetition, 0);
    }

    private int sub() {
        return Math.max(subcomponent, 1);
    }

    @Override
    public String toString() {
        return segment + "-" + field + (repetition == ANY_REPETITION ? "" : "(" + repetition + ")")
                + (component > 0 ? "-" + component : "") + (subcomponent > 0 ? "-" + subcomponent : "");
    }
}
