package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import java.util.ArrayList;
import java.util.List;
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
    /** The path of the code itself: the first component when {@code path} is a field. */
    private final FieldPath code;
    private final CodeTable table;
    private final Fallback fallback;
    private final String fallbackValue;

    LookupCode(FieldPath path, CodeTable table, Fallback fallback, String fallbackValue) {
        super(path.segment());
        this.path = path;
        this.code = path.code();
        this.table = table;
        this.fallback = fallback;
        this.fallbackValue = fallbackValue;
    }

    @Override
    void applyTo(Segment occurrence, int number) throws HL7Exception, StepFailed {
        for (Change change : changes(code.read(occurrence), number)) {
            change.path().write(occurrence, change.value());
        }
    }

    @Override
    void applyTo(TextSegment occurrence, int number, TextMessage message) throws StepFailed, NeedsStructure {
        for (Change change : changes(code.read(occurrence), number)) {
            change.path().write(occurrence, change.value());
        }
    }

    @Override
    public boolean worksOnText(FieldTypes types) {
        return path.writesAsText(types);
    }

    /** One value the lookup writes. */
    private record Change(FieldPath path, String value) {
    }

    /** What the lookup writes for this code, in this order. */
    private List<Change> changes(String found, int number) throws StepFailed {
        if (found.isEmpty()) {
            return List.of();
        }
        Optional<CodeTable.Row> row = table.row(found);
        if (row.isPresent()) {
            return translation(row.get());
        } else if (fallback == Fallback.VALUE) {
            return List.of(new Change(code, fallbackValue));
        } else if (fallback == Fallback.ERROR) {
            throw new StepFailed("code '" + found + "' at " + code + " (" + path.segment() + " #" + number
                    + ") is not in code table " + table.name() + ": add it to " + table.file()
                    + ", or correct the code in the sending system");
        }
        return List.of();
    }

    private List<Change> translation(CodeTable.Row row) {
        List<Change> changes = new ArrayList<>(3);
        changes.add(new Change(code, row.to()));
        if (path.isField() && table.hasText() && !row.text().isEmpty()) {
            changes.add(new Change(path.withComponent(2), row.text()));
        }
        if (path.isField() && table.hasSystem() && !row.system().isEmpty()) {
            changes.add(new Change(path.withComponent(3), row.system()));
        }
        return changes;
    }
}
