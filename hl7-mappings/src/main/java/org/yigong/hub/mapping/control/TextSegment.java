package org.yigong.hub.mapping.control;

import static org.yigong.hub.mapping.control.Er7NormalForm.COMPONENT;
import static org.yigong.hub.mapping.control.Er7NormalForm.FIELD;
import static org.yigong.hub.mapping.control.Er7NormalForm.REPETITION;
import static org.yigong.hub.mapping.control.Er7NormalForm.SUBCOMPONENT;

import java.util.List;

/**
 * One segment of a {@link TextMessage}, kept as the text HAPI would write for it and split into
 * fields only when a statement touches it. Reading and writing follow {@link FieldPath}'s HAPI
 * methods value for value: a component reads unescaped and is written escaped, a whole field reads
 * and writes as HL7 text, repetitions are added one after another.
 *
 * <p>An empty field may be no repetition or one empty repetition, which HAPI writes alike; where the
 * difference would show (adding repetition 1), the segment leaves the message to HAPI.
 */
final class TextSegment {

    private final String name;
    private final Er7NormalForm form;
    /** The segment's text; {@code null} after a change, until it is written again. */
    private String line;
    /** The split text, index 0 is the name; for MSH, index 1 is MSH-2. {@code null} until needed. */
    private List<String> fields;

    TextSegment(String name, String line, Er7NormalForm form) {
        this.name = name;
        this.line = line;
        this.form = form;
    }

    String name() {
        return name;
    }

    /** Whether any field has a value: HAPI treats a segment without one as absent. */
    boolean hasValues() {
        return name.equals("MSH") || Er7NormalForm.hasValues(encode().substring(3));
    }

    /** The value at the path as {@link FieldPath#read} gives it, {@code ""} when absent. */
    String read(FieldPath path) {
        String repetition = repetition(field(path.field()), Math.max(path.repetition(), 0));
        if (path.isField()) {
            return repetition;
        }
        String component = Pieces.get(repetition, COMPONENT, path.component() - 1);
        return form.unescape(Pieces.get(component, SUBCOMPONENT, Math.max(path.subcomponent(), 1) - 1));
    }

    /** Writes as {@link FieldPath#write}: HL7 text for a whole field, one value for a component. */
    void write(FieldPath path, String value) throws NeedsStructure {
        String field = field(path.field());
        int rep = Math.max(path.repetition(), 0);
        int count = field.isEmpty() ? 0 : Pieces.count(field, REPETITION);
        if (rep > count || field.isEmpty() && rep > 0) {
            throw new NeedsStructure(path + ": HAPI adds repetitions one after another");
        }
        String old = rep < count ? Pieces.get(field, REPETITION, rep) : "";
        String written = path.isField() ? wholeField(path.field(), value) : component(old, path, form.escape(value));
        Er7NormalForm.checkBlanks(written);
        if (rep < count) {
            setField(path.field(), count == 1 ? written : Pieces.set(field, REPETITION, rep, written));
        } else {
            setField(path.field(), field.isEmpty() ? written : field + REPETITION + written);
        }
    }

    /** Empties as {@link FieldPath#clear}: every repetition of a field unless one is given. */
    void clear(FieldPath path) throws NeedsStructure {
        String field = field(path.field());
        if (field.isEmpty()) {
            return;
        }
        int count = Pieces.count(field, REPETITION);
        if (path.isField()) {
            if (path.repetition() == FieldPath.ANY_REPETITION) {
                setField(path.field(), "");
            } else if (path.repetition() < count) {
                setField(path.field(), Pieces.remove(field, REPETITION, path.repetition()));
            }
            return;
        }
        int rep = Math.max(path.repetition(), 0);
        if (rep < count) {
            String repetition = Pieces.get(field, REPETITION, rep);
            String cleared = path.subcomponent() > 0 ? component(repetition, path, "")
                    : Pieces.stripEnd(Pieces.set(repetition, COMPONENT, path.component() - 1, ""), COMPONENT);
            setField(path.field(), count == 1 ? cleared : Pieces.set(field, REPETITION, rep, cleared));
        }
    }

    /** The segment as HAPI writes it; just the name when nothing is left. */
    String encode() {
        if (line == null) {
            line = Pieces.stripEnd(String.join(String.valueOf(FIELD), fields), FIELD);
        }
        return line;
    }

    /**
     * A primitive field written whole reads {@code &} as {@code ^}, and takes what stands before the
     * first delimiter without unescaping it; HAPI does that, text does not.
     */
    private String wholeField(int number, String hl7) throws NeedsStructure {
        String written = form.repetition(hl7);
        if (form.types().kind(name, number) == FieldTypes.Kind.PRIMITIVE) {
            int component = hl7.indexOf(COMPONENT);
            if (written.indexOf(SUBCOMPONENT) >= 0 || component >= 0 && hl7.lastIndexOf(Er7NormalForm.ESCAPE, component) >= 0) {
                throw new NeedsStructure(name + "-" + number + " is primitive and is written with components");
            }
        }
        return written;
    }

    /** The repetition with one sub-component (the first, unless the path names one) replaced. */
    private static String component(String repetition, FieldPath path, String escaped) {
        String component = Pieces.get(repetition, COMPONENT, path.component() - 1);
        String changed = Pieces.stripEnd(Pieces.set(component, SUBCOMPONENT, Math.max(path.subcomponent(), 1) - 1, escaped), SUBCOMPONENT);
        return Pieces.stripEnd(Pieces.set(repetition, COMPONENT, path.component() - 1, changed), COMPONENT);
    }

    private static String repetition(String field, int rep) {
        return field.isEmpty() ? "" : Pieces.get(field, REPETITION, rep);
    }

    private String field(int number) {
        int index = index(number);
        if (fields == null) {
            return Pieces.get(line, FIELD, index);
        }
        return index < fields.size() ? fields.get(index) : "";
    }

    private void setField(int number, String text) {
        if (fields == null) {
            fields = Pieces.split(line, FIELD);
        }
        int index = index(number);
        while (fields.size() <= index) {
            fields.add("");
        }
        fields.set(index, text);
        line = null;
    }

    /** MSH-1 is the field delimiter itself, so MSH-n is the (n-1)th piece of the text. */
    private int index(int number) {
        return name.equals("MSH") ? number - 1 : number;
    }
}
