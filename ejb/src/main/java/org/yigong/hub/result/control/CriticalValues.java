package org.yigong.hub.result.control;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yigong.hub.mapping.control.CodeTable;
import org.yigong.hub.mapping.control.DefinitionException;
import org.yigong.hub.mapping.control.MappingResources;

/**
 * What makes a result a critical value (危急值): the flag the performing system set (OBX-8
 * {@code HH}, {@code LL} or {@code AA}, HL7 table 0078), or a numeric value outside the county's
 * critical limits for its item, {@code hl7-mappings/tables/critical-values.csv} (item code →
 * {@code low..high}, either side may be open), for the laboratory systems that do not flag them.
 * One rule for the result index and for the processes, so both call the same results critical.
 */
public final class CriticalValues {

    static final String TABLE = "tables/critical-values.csv";

    /** HL7 table 0078: beyond panic limits (HH, LL) or very abnormal (AA). */
    public static final Set<String> CRITICAL_FLAGS = Set.of("HH", "LL", "AA");

    private static volatile CriticalValues standard;

    private final CodeTable limits;

    private CriticalValues(CodeTable limits) {
        this.limits = limits;
    }

    /** The county's limits as deployed with the hub. */
    public static CriticalValues standard() {
        CriticalValues loaded = standard;
        if (loaded == null) {
            loaded = load(new MappingResources(CriticalValues.class.getClassLoader()));
            standard = loaded;
        }
        return loaded;
    }

    /** Reads the table and checks every row's limits: a broken table fails with its file and line. */
    static CriticalValues load(MappingResources resources) {
        return of(resources.read(TABLE));
    }

    static CriticalValues of(String content) {
        CodeTable table = CodeTable.parse("critical-values", TABLE, content);
        table.rows().forEach(CriticalValues::range);
        return new CriticalValues(table);
    }

    /**
     * The flag that makes this observation critical ({@code HH}, {@code LL}, {@code AA}), or empty.
     *
     * @param flags OBX-8 as sent (may repeat)
     * @param item  OBX-3 component 1
     * @param type  OBX-2 (only {@code NM} and {@code SN} values are compared with the limits)
     * @param value OBX-5
     */
    public Optional<String> flag(Iterable<String> flags, String item, String type, String value) {
        for (String flag : flags) {
            String upper = flag.toUpperCase(Locale.ROOT);
            if (CRITICAL_FLAGS.contains(upper)) {
                return Optional.of(upper);
            }
        }
        if (!"NM".equals(type) && !"SN".equals(type)) {
            return Optional.empty();
        }
        Optional<CodeTable.Row> row = limits.row(item.toUpperCase(Locale.ROOT));
        BigDecimal number = number(value);
        if (row.isEmpty() || number == null) {
            return Optional.empty();
        }
        BigDecimal[] range = range(row.get());
        if (range[0] != null && number.compareTo(range[0]) < 0) {
            return Optional.of("LL");
        }
        return range[1] != null && number.compareTo(range[1]) > 0 ? Optional.of("HH") : Optional.empty();
    }

    private static BigDecimal[] range(CodeTable.Row row) {
        String[] sides = row.to().split("\\.\\.", -1);
        if (sides.length != 2 || sides[0].isBlank() && sides[1].isBlank()) {
            throw new DefinitionException(TABLE, row.line(), "'" + row.to() + "' is not a range such as 2.8..6.2, ..5 or 50..");
        }
        try {
            return new BigDecimal[] {sides[0].isBlank() ? null : new BigDecimal(sides[0].trim()),
                sides[1].isBlank() ? null : new BigDecimal(sides[1].trim())};
        } catch (NumberFormatException e) {
            throw new DefinitionException(TABLE, row.line(), "'" + row.to() + "' is not a range of numbers");
        }
    }

    /** NM as sent, or an SN such as {@code >^6.5} or {@code ^7.1}: its number; null if there is none. */
    private static BigDecimal number(String value) {
        String text = value.replaceAll("^[<>=^ ]+", "").trim();
        int component = text.indexOf('^');
        if (component >= 0) {
            text = text.substring(component + 1).trim();
        }
        try {
            return text.isEmpty() ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
