package org.yigong.hub.mapping.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yigong.hub.mapping.Transformation;

/**
 * Reads a {@code mapping.map}: one statement per line, {@code #} starts a comment line, blank lines
 * are ignored. Everything is checked here, when the hub starts (paths against HL7 2.5.1, tables,
 * escape classes), and every problem is a {@link DefinitionException} with file and line.
 */
final class MappingParser {

    private static final String PATH = "([^\\s=]+)";
    private static final Pattern SET = Pattern.compile("set\\s+" + PATH + "\\s*=(.*)");
    private static final Pattern COPY = Pattern.compile("copy\\s+" + PATH + "\\s+to\\s+" + PATH);
    private static final Pattern CLEAR = Pattern.compile("clear\\s+" + PATH);
    private static final Pattern LOOKUP = Pattern.compile(
            "lookup\\s+" + PATH + "\\s+in\\s+(\\S+)(?:\\s+else\\s+(?:(keep|error)|\"(.*)\"))?");
    private static final Pattern WHEN_EMPTY = Pattern.compile("when\\s+" + PATH + "\\s+is\\s+(not\\s+)?empty");
    private static final Pattern WHEN_EQUALS = Pattern.compile("when\\s+" + PATH + "\\s*=(.*)");
    private static final Pattern WHEN_IN = Pattern.compile("when\\s+" + PATH + "\\s+in\\s+(.+)");
    private static final Pattern DROP = Pattern.compile("drop\\s+segment\\s+(\\S+)");
    private static final Pattern VERSION = Pattern.compile("version\\s+(\\S+)");
    private static final Pattern ESCAPE = Pattern.compile("escape\\s+(\\S+)");
    private static final Set<String> VERSIONS = Set.of("2.3", "2.3.1", "2.4", "2.5", "2.5.1");

    private final String file;
    private final Map<String, CodeTable> tables;
    private final SegmentDefinitions segments;

    MappingParser(String file, Map<String, CodeTable> tables, SegmentDefinitions segments) {
        this.file = file;
        this.tables = tables;
        this.segments = segments;
    }

    List<Mapping.Step> parse(String content) {
        List<Mapping.Step> steps = new ArrayList<>();
        List<String> lines = content.lines().toList();
        Condition pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (keyword(line).equals("when")) {
                if (pending != null) {
                    throw new DefinitionException(file, number, "a 'when' guards the one statement after it, and line "
                            + pendingLine + " is a 'when' too");
                }
                pending = condition(line, number);
                pendingLine = number;
                continue;
            }
            steps.add(new Mapping.Step(number, line, pending == null ? Guard.ALWAYS : pending, statement(line, number)));
            pending = null;
        }
        if (pending != null) {
            throw new DefinitionException(file, pendingLine, "'when' must be followed by the statement it guards");
        }
        return steps;
    }

    private Statement statement(String line, int number) {
        return switch (keyword(line)) {
            case "set" -> {
                Matcher m = match(SET, line, number, "set <path> = <constant>");
                yield new SetValue(path(m.group(1), number), m.group(2).strip());
            }
            case "copy" -> {
                Matcher m = match(COPY, line, number, "copy <path> to <path>");
                yield new CopyValue(path(m.group(1), number), path(m.group(2), number));
            }
            case "clear" -> new ClearValue(path(match(CLEAR, line, number, "clear <path>").group(1), number));
            case "lookup" -> lookup(match(LOOKUP, line, number,
                    "lookup <path> in <table> [else keep | else error | else \"<value>\"]"), number);
            case "drop" -> new DropSegment(segment(match(DROP, line, number, "drop segment <NAME>").group(1), number));
            case "version" -> new SetVersion(version(match(VERSION, line, number, "version <v>").group(1), number));
            case "escape" -> new RunTransformation(transformation(match(ESCAPE, line, number, "escape <class name>").group(1), number));
            default -> throw new DefinitionException(file, number, "unknown statement '" + keyword(line)
                    + "'; a line is one of: set, copy, clear, lookup, when, drop segment, version, escape");
        };
    }

    private Condition condition(String line, int number) {
        Matcher m = WHEN_EMPTY.matcher(line);
        if (m.matches()) {
            return new Condition(path(m.group(1), number), m.group(2) == null ? Condition.Test.EMPTY : Condition.Test.NOT_EMPTY, List.of());
        }
        m = WHEN_EQUALS.matcher(line);
        if (m.matches()) {
            return new Condition(path(m.group(1), number), Condition.Test.EQUALS, List.of(m.group(2).strip()));
        }
        m = match(WHEN_IN, line, number, "when <path> = <value>, when <path> in <v1>, <v2>, when <path> is empty, when <path> is not empty");
        List<String> values = Arrays.stream(m.group(2).split(",")).map(String::strip).toList();
        if (values.contains("")) {
            throw new DefinitionException(file, number, "an empty value in the list; use 'when <path> is empty'");
        }
        return new Condition(path(m.group(1), number), Condition.Test.IN, values);
    }

    private LookupCode lookup(Matcher m, int number) {
        CodeTable table = tables.get(m.group(2));
        if (table == null) {
            throw new DefinitionException(file, number, "unknown code table '" + m.group(2) + "' (no tables/" + m.group(2)
                    + ".csv; tables: " + String.join(", ", new TreeSet<>(tables.keySet())) + ")");
        }
        LookupCode.Fallback fallback = m.group(4) != null ? LookupCode.Fallback.VALUE
                : "keep".equals(m.group(3)) ? LookupCode.Fallback.KEEP : LookupCode.Fallback.ERROR;
        return new LookupCode(path(m.group(1), number), table, fallback, m.group(4) == null ? "" : m.group(4));
    }

    private FieldPath path(String text, int number) {
        try {
            FieldPath path = FieldPath.parse(text);
            segments.check(path);
            return path;
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(file, number, e.getMessage());
        }
    }

    private String segment(String name, int number) {
        if (name.equals("MSH")) {
            throw new DefinitionException(file, number, "MSH cannot be dropped: every message has one");
        }
        try {
            segments.checkName(name);
            return name;
        } catch (IllegalArgumentException e) {
            throw new DefinitionException(file, number, e.getMessage());
        }
    }

    private String version(String version, int number) {
        if (!VERSIONS.contains(version)) {
            throw new DefinitionException(file, number, "version must be one the hub speaks: " + String.join(", ", new TreeSet<>(VERSIONS)));
        }
        return version;
    }

    private Transformation transformation(String className, int number) {
        Class<?> type;
        try {
            // this module's classloader, not the thread's: managed threads in WildFly have none
            type = Class.forName(className, true, Transformation.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DefinitionException(file, number, "unknown escape class '" + className + "'");
        }
        if (!Transformation.class.isAssignableFrom(type)) {
            throw new DefinitionException(file, number, "'" + className + "' does not implement " + Transformation.class.getName());
        }
        try {
            return (Transformation) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new DefinitionException(file, number, "'" + className + "' cannot be created: it needs a public constructor without arguments");
        }
    }

    private Matcher match(Pattern pattern, String line, int number, String usage) {
        Matcher m = pattern.matcher(line);
        if (!m.matches()) {
            throw new DefinitionException(file, number, "expected '" + usage + "', found '" + line + "'");
        }
        return m;
    }

    private static String keyword(String line) {
        int blank = 0;
        while (blank < line.length() && !Character.isWhitespace(line.charAt(blank))) {
            blank++;
        }
        return line.substring(0, blank);
    }
}
