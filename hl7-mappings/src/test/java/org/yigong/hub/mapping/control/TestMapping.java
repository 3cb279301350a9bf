package org.yigong.hub.mapping.control;

import java.util.Map;
import org.yigong.hub.mapping.Translation;

/** A mapping written in a test, with two small code tables, loaded as the catalogue loads one. */
final class TestMapping {

    static final String FILE = "mappings/test/mapping.map";

    static final CodeTable EXAMS = CodeTable.parse("exam-codes", "tables/exam-codes.csv", """
            from,to,text,system,comment
            CT0012,CT-CHEST-PLAIN,胸部CT平扫,CNTY_RIS,
            DR0101,DR-CHEST-PA,胸部正位片,CNTY_RIS,
            US0001,US-ABD,,,no text: the local text stays
            """);

    static final CodeTable CHARGES = CodeTable.parse("charge-codes", "tables/charge-codes.csv", """
            from,to
            GH001,110200001
            XD001,310701001
            """);

    private static final CanonicalModel MODEL = new CanonicalModel();

    private TestMapping() {
    }

    static Translation of(String... lines) {
        return new Mapping("test", FILE, parser().parse(String.join("\n", lines)), MODEL);
    }

    static MappingParser parser() {
        return new MappingParser(FILE, Map.of(EXAMS.name(), EXAMS, CHARGES.name(), CHARGES), new SegmentDefinitions(MODEL));
    }

    /** HL7 text from segments, separated by carriage returns. */
    static String hl7(String... segments) {
        return String.join("\r", segments) + "\r";
    }
}
