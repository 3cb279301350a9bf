package org.yigong.hub.workflow.control;

import java.time.Duration;
import org.yigong.hub.mapping.control.CodeTable;
import org.yigong.hub.mapping.control.DefinitionException;
import org.yigong.hub.mapping.control.MappingResources;

/**
 * How long a result is recognised (结果互认) by service kind: an order for a service the patient
 * already has a result of within that time makes the ordering doctor confirm the test. The days
 * are data, {@code hl7-mappings/tables/result-recognition-days.csv} (kind → days), because the
 * county's recognition rules change by notice, not by release.
 */
public final class RecognitionWindows {

    static final String TABLE = "tables/result-recognition-days.csv";

    /** Loaded once: the table is part of the deployment and changes only with it. */
    private static volatile RecognitionWindows standard;

    private final CodeTable days;

    private RecognitionWindows(CodeTable days) {
        this.days = days;
    }

    /** The windows as deployed with the hub; a broken table fails here with its file and line. */
    public static RecognitionWindows standard() {
        RecognitionWindows loaded = standard;
        if (loaded == null) {
            loaded = load(new MappingResources(RecognitionWindows.class.getClassLoader()));
            standard = loaded;
        }
        return loaded;
    }

    static RecognitionWindows load(MappingResources resources) {
        CodeTable table = CodeTable.parse("result-recognition-days", TABLE, resources.read(TABLE));
        for (String kind : new String[] {"CT", "MR", "DR", "US", "ECG", "LAB", "OTHER"}) {
            CodeTable.Row row = table.row(kind).orElseThrow(() -> new DefinitionException(TABLE, 0, "no row for '" + kind + "'"));
            if (!row.to().matches("\\d{1,4}")) {
                throw new DefinitionException(TABLE, row.line(), "'" + row.to() + "' is not a number of days");
            }
        }
        return new RecognitionWindows(table);
    }

    /** The window of a service kind ({@link OrderEvent#serviceCategory()}); zero turns the warning off. */
    public Duration of(String serviceCategory) {
        return Duration.ofDays(Long.parseLong(days.row(serviceCategory).or(() -> days.row("OTHER")).orElseThrow().to()));
    }
}
