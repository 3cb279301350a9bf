package org.yigong.hub.mapping.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every broken mapping line is refused when the hub starts, with file, line and what is wrong. */
class MappingParserTest {

    private static final String FILE = TestMapping.FILE;

    private static List<Mapping.Step> parse(String... lines) {
        return TestMapping.parser().parse(String.join("\n", lines));
    }

    @Test
    void commentsAndBlankLinesAreIgnoredAndStepsKeepTheirLines() {
        List<Mapping.Step> steps = parse(
                "# 乡镇影像检查申请 → 县医院 RIS",
                "",
                "set MSH-5 = CNTY_RIS",
                "   # indented comment",
                "when MSH-4 = TWN_KHZ",
                "lookup OBR-4 in exam-codes else keep");

        assertThat(steps).extracting(Mapping.Step::line).containsExactly(3, 6);
        assertThat(steps.get(0).guard()).isSameAs(Guard.ALWAYS);
        assertThat(steps.get(1).guard()).isInstanceOf(Condition.class);
        assertThat(steps.get(1).source()).isEqualTo("lookup OBR-4 in exam-codes else keep");
    }

    @Test
    void everyStatementKindIsUnderstood() {
        List<Mapping.Step> steps = parse(
                "set MSH-5 = CNTY_RIS",
                "set PV1-3 = ED^^^CNTY_GH",
                "set MSH-18 =",
                "copy OBR-4-1 to OBR-4-4",
                "clear PID-3(1)",
                "lookup OBR-4 in exam-codes",
                "lookup FT1-7-1 in charge-codes else \"UNMAPPED\"",
                "lookup FT1-7-1 in charge-codes else error",
                "when PV1-2 in O, E",
                "drop segment ZSA",
                "when ZSA-4 is not empty",
                "version 2.5.1",
                "when PID-3(1)-1 is empty",
                "escape org.yigong.hub.mapping.control.MarkAsTraining");

        assertThat(steps).extracting(step -> step.statement().getClass().getSimpleName()).containsExactly(
                "SetValue", "SetValue", "SetValue", "CopyValue", "ClearValue", "LookupCode", "LookupCode", "LookupCode",
                "DropSegment", "SetVersion", "RunTransformation");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
            frobnicate PID-3 => unknown statement 'frobnicate'; a line is one of: set, copy, clear, lookup, when, drop segment, version, escape
            set PID-3 => expected 'set <path> = <constant>', found 'set PID-3'
            copy PID-3 PID-2 => expected 'copy <path> to <path>', found 'copy PID-3 PID-2'
            set PID3 = x => 'PID3' is not a position such as PID-3, OBR-4-1 or PID-3(1)-1
            set pid-3 = x => 'pid-3' is not a position such as PID-3, OBR-4-1 or PID-3(1)-1
            set PID-0 = x => 'PID-0': fields, components and sub-components count from 1
            set OBR-4-0 = x => 'OBR-4-0': fields, components and sub-components count from 1
            set MSH-2 = x => 'MSH-2': MSH-1 and MSH-2 are the message's delimiters, which a mapping keeps
            set PDI-3 = x => 'PDI' is not a segment of HL7 2.5.1 (local segments start with Z)
            set PID-40 = x => 'PID-40': PID has 39 fields in HL7 2.5.1
            clear OBR-51 => 'OBR-51': OBR has 50 fields in HL7 2.5.1
            lookup OBR-4 in exam-code => unknown code table 'exam-code' (no tables/exam-code.csv; tables: charge-codes, exam-codes)
            lookup OBR-4 in exam-codes else maybe => expected 'lookup <path> in <table> [else keep | else error | else "<value>"]', found 'lookup OBR-4 in exam-codes else maybe'
            drop segment MSH => MSH cannot be dropped: every message has one
            drop segment zsa => 'zsa' is not a segment name (three capitals or digits, such as PID or ZSA)
            drop segment XYZ => 'XYZ' is not a segment of HL7 2.5.1 (local segments start with Z)
            version 2.6 => version must be one the hub speaks: 2.3, 2.3.1, 2.4, 2.5, 2.5.1
            escape org.yigong.hub.NoSuchClass => unknown escape class 'org.yigong.hub.NoSuchClass'
            escape java.lang.String => 'java.lang.String' does not implement org.yigong.hub.mapping.Transformation
            when PID-3 is maybe => expected 'when <path> = <value>, when <path> in <v1>, <v2>, when <path> is empty, when <path> is not empty', found 'when PID-3 is maybe'
            when PV1-2 in O, , E => an empty value in the list; use 'when <path> is empty'
            """)
    void aBrokenLineIsRefusedWithFileLineAndProblem(String line, String problem) {
        assertThatThrownBy(() -> parse("# line 1 is a comment", "set MSH-5 = CNTY_RIS", line))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(FILE + ":3: " + problem)
                .satisfies(e -> assertThat(((DefinitionException) e).line()).isEqualTo(3));
    }

    @Test
    void aWhenGuardsExactlyOneStatement() {
        assertThatThrownBy(() -> parse("when PV1-2 = E", "when PV1-2 = O", "set PV1-3 = ED"))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(FILE + ":2: a 'when' guards the one statement after it, and line 1 is a 'when' too");
        assertThatThrownBy(() -> parse("set MSH-5 = CNTY_RIS", "when PV1-2 = E", "# nothing follows"))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(FILE + ":2: 'when' must be followed by the statement it guards");
    }

    @Test
    void anEscapeClassNeedsAPublicConstructorWithoutArguments() {
        assertThatThrownBy(() -> parse("escape " + WithoutDefaultConstructor.class.getName()))
                .isInstanceOf(DefinitionException.class)
                .hasMessageEndingWith(":1: '" + WithoutDefaultConstructor.class.getName()
                        + "' cannot be created: it needs a public constructor without arguments");
    }

    /** Not usable as an escape hatch: the loader cannot create it. */
    public static class WithoutDefaultConstructor implements org.yigong.hub.mapping.Transformation {
        public WithoutDefaultConstructor(String setting) {
        }

        @Override
        public void apply(ca.uhn.hl7v2.model.Message message) {
        }
    }
}
