package org.yigong.hub.mapping.control;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A code table of {@code tables/<name>.csv}: a township's local codes and what the destination
 * calls them. UTF-8 with a header row; the columns {@code from} and {@code to} are required,
 * {@code text} and {@code system} are optional (the destination's display text and coding system),
 * any other column (a {@code comment}) is for people and ignored. A byte order mark, as Excel
 * writes one, is skipped.
 *
 * <p>Every problem is a {@link DefinitionException} with file and line: a duplicate {@code from}
 * would make the translation depend on row order, so it is refused.
 */
public final class CodeTable {

    /** What one local code becomes; {@code text} and {@code system} are {@code ""} when not given. */
    public record Row(String to, String text, String system, int line) {
    }

    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String TEXT = "text";
    private static final String SYSTEM = "system";

    private final String name;
    private final String file;
    private final boolean hasText;
    private final boolean hasSystem;
    private final Map<String, Row> rows;

    private CodeTable(String name, String file, boolean hasText, boolean hasSystem, Map<String, Row> rows) {
        this.name = name;
        this.file = file;
        this.hasText = hasText;
        this.hasSystem = hasSystem;
        this.rows = rows;
    }

    /**
     * @param name the table's name as mappings refer to it, e.g. {@code township-exam-codes}
     * @param file where it was read, for error messages, e.g. {@code tables/township-exam-codes.csv}
     */
    public static CodeTable parse(String name, String file, String content) {
        List<String> lines = content.lines().toList();
        Map<String, Integer> columns = null;
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            int number = i + 1;
            if (line.indexOf('\uFFFD') >= 0) {
                throw new DefinitionException(file, number, "not UTF-8 text; save the table as 'CSV UTF-8'");
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> values = split(file, number, line);
            if (columns == null) {
                columns = header(file, number, values);
            } else {
                addRow(file, number, columns, values, rows);
            }
        }
        if (columns == null) {
            throw new DefinitionException(file, 0, "empty; the first line names the columns, at least 'from,to'");
        }
        return new CodeTable(name, file, columns.containsKey(TEXT), columns.containsKey(SYSTEM), rows);
    }

    public String name() {
        return name;
    }

    public String file() {
        return file;
    }

    /** Whether the table has a {@code text} column. */
    public boolean hasText() {
        return hasText;
    }

    /** Whether the table has a {@code system} column. */
    public boolean hasSystem() {
        return hasSystem;
    }

    public int size() {
        return rows.size();
    }

    /** The row for a local code, matched exactly. */
    /** Every row, in file order. */
    public java.util.Collection<Row> rows() {
        return java.util.Collections.unmodifiableCollection(rows.values());
    }

    public Optional<Row> row(String from) {
        return Optional.ofNullable(rows.get(from));
    }

    private static Map<String, Integer> header(String file, int line, List<String> names) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String column = names.get(i).toLowerCase();
            if (column.isEmpty()) {
                throw new DefinitionException(file, line, "column " + (i + 1) + " has no name");
            }
            if (columns.put(column, i) != null) {
                throw new DefinitionException(file, line, "column '" + column + "' appears twice");
            }
        }
        if (!columns.containsKey(FROM) || !columns.containsKey(TO)) {
            throw new DefinitionException(file, line, "the header must name the columns 'from' and 'to' (found: "
                    + String.join(", ", names) + ")");
        }
        return columns;
    }

    private static void addRow(String file, int line, Map<String, Integer> columns, List<String> values, Map<String, Row> rows) {
        if (values.size() != columns.size()) {
            throw new DefinitionException(file, line, "expected " + columns.size() + " values as in the header, found " + values.size()
                    + " (quote a value that contains a comma)");
        }
        String from = values.get(columns.get(FROM));
        String to = values.get(columns.get(TO));
        if (from.isEmpty() || to.isEmpty()) {
            throw new DefinitionException(file, line, "'from' and 'to' must not be empty");
        }
        Row row = new Row(to, value(values, columns, TEXT), value(values, columns, SYSTEM), line);
        Row previous = rows.putIfAbsent(from, row);
        if (previous != null) {
            throw new DefinitionException(file, line, "'" + from + "' is already mapped on line " + previous.line());
        }
    }

    private static String value(List<String> values, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : values.get(index);
    }

    private static List<String> split(String file, int line, String text) {
        try {
            return CsvLine.split(text);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(file, line, e.getMessage());
        }
    }
}
