package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import java.util.Optional;

/**
 * {@code lookup <path> in <table> [else keep | else error | else "<value>"]}: replaces a local code
 * with the destination's. At a component ({@code OBR-4-1}) only the code changes; at a field
 * ({@code OBR-4}) the code is the first component, and the table's {@code text} and
 * {@code system} columns, where a row fills them, become components 2 and 3.
 *
 * <p>An empty code is left alone: there is nothing to translate. A code the table does not have
 * fails the translation ({@code else error}, the default), stays as it is ({@code else keep}) or
 * becomes the given value ({@code else "..."}).
 */
final class LookupCode extends SegmentStatement {

    /** What happens to a code the table does not have. */
    enum Fallback { ERROR, KEEP, VALUE }

    private final FieldPath path;
    private final CodeTable table;
    private final Fallback fallback;
    private final String fallbackValue;

    LookupCode(FieldPath path, CodeTable table, Fallback fallback, String fallbackValue) {
        super(path.segment());
        this.path = path;
        this.table = table;
        this.fallback = fallback;
        this.fallbackValue = fallbackValue;
    }

    @Override
    void applyTo(Segment occurrence, int number) throws HL7Exception, StepFailed {
        FieldPath codePath = path.code();
        String code = codePath.read(occurrence);
        if (code.isEmpty()) {
            return;
        }
        Optional<CodeTable.Row> row = table.row(code);
        if (row.isPresent()) {
            translate(occurrence, row.get());
        } else if (fallback == Fallback.VALUE) {
            codePath.write(occurrence, fallbackValue);
        } else if (fallback == Fallback.ERROR) {
            throw new StepFailed("code '" + code + "' at " + codePath + " (" + path.segment() + " #" + number
                    + ") is not in code table " + table.name() + ": add it to " + table.file()
                    + ", or correct the code in the sending system");
        }
    }

    private void translate(Segment occurrence, CodeTable.Row row) throws HL7Exception {
        path.code().write(occurrence, row.to());
        if (path.isField() && table.hasText() && !row.text().isEmpty()) {
            path.withComponent(2).write(occurrence, row.text());
        }
        if (path.isField() && table.hasSystem() && !row.system().isEmpty()) {
            path.withComponent(3).write(occurrence, row.system());
        }
    }
}
