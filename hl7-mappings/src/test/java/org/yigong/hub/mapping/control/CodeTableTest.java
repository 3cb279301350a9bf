package org.yigong.hub.mapping.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodeTableTest {

    private static final String FILE = "tables/township-exam-codes.csv";

    private static CodeTable table(String content) {
        return CodeTable.parse("township-exam-codes", FILE, content);
    }

    @Test
    void rowsGiveTheDestinationCodeWithTextAndSystemAndIgnoreOtherColumns() {
        CodeTable table = table("""
                from,to,text,system,comment
                CT0012,CT-CHEST-PLAIN,胸部CT平扫,CNTY_RIS,乡镇最常见
                DR0101 , DR-CHEST-PA ,胸部正位片,CNTY_RIS,
                """);

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.hasText()).isTrue();
        assertThat(table.hasSystem()).isTrue();
        assertThat(table.row("CT0012")).hasValueSatisfying(row -> {
            assertThat(row.to()).isEqualTo("CT-CHEST-PLAIN");
            assertThat(row.text()).isEqualTo("胸部CT平扫");
            assertThat(row.system()).isEqualTo("CNTY_RIS");
            assertThat(row.line()).isEqualTo(2);
        });
        assertThat(table.row("DR0101")).map(CodeTable.Row::to).contains("DR-CHEST-PA");
        assertThat(table.row("dr0101")).as("codes match exactly").isEmpty();
    }

    @Test
    void onlyFromAndToAreRequiredAndColumnsMayComeInAnyOrder() {
        CodeTable table = table("comment,to,from\n挂号,110100001,GH000\n");

        assertThat(table.hasText()).isFalse();
        assertThat(table.hasSystem()).isFalse();
        assertThat(table.row("GH000")).map(CodeTable.Row::to).contains("110100001");
    }

    @Test
    void quotedValuesMayContainCommasAndQuotes() {
        CodeTable table = table("from,to,text\n"
                + "YP0002,XC08CAX096A012010100113,\"硝苯地平缓释片, 20mg\"\n"
                + "\"YP,9\", \"X1\" ,\"say \"\"ah\"\"\"\n");

        assertThat(table.row("YP0002")).map(CodeTable.Row::text).contains("硝苯地平缓释片, 20mg");
        assertThat(table.row("YP,9")).map(CodeTable.Row::text).contains("say \"ah\"");
    }

    @Test
    void excelsByteOrderMarkAndWindowsLineEndingsAndBlankLinesAreFine() {
        CodeTable table = table("\uFEFFfrom,to\r\n\r\nGH001,110200001\r\n");

        assertThat(table.row("GH001")).isPresent();
    }

    @Test
    void aDuplicateCodeNamesBothLines() {
        assertThatThrownBy(() -> table("from,to\nCT0012,A\nCT0001,B\nCT0012,C\n"))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(FILE + ":4: 'CT0012' is already mapped on line 2");
    }

    @Test
    void aRowWithTheWrongNumberOfValuesNamesItsLine() {
        assertThatThrownBy(() -> table("from,to,text\nCT0012,CT-CHEST-PLAIN,胸部CT平扫\nCT0013,CT-CHEST-ENH,胸部CT增强,extra\n"))
                .isInstanceOf(DefinitionException.class)
                .hasMessageStartingWith(FILE + ":3: expected 3 values as in the header, found 4");
    }

    @Test
    void theHeaderMustNameFromAndTo() {
        assertThatThrownBy(() -> table("code,to\nCT0012,A\n"))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(FILE + ":1: the header must name the columns 'from' and 'to' (found: code, to)");
        assertThatThrownBy(() -> table("from,to,to\n"))
                .isInstanceOf(DefinitionException.class).hasMessage(FILE + ":1: column 'to' appears twice");
        assertThatThrownBy(() -> table("\n\n"))
                .isInstanceOf(DefinitionException.class).hasMessageStartingWith(FILE + ": empty");
    }

    @Test
    void emptyCodesAreRefused() {
        assertThatThrownBy(() -> table("from,to\nCT0012,\n"))
                .isInstanceOf(DefinitionException.class).hasMessage(FILE + ":2: 'from' and 'to' must not be empty");
    }

    @Test
    void brokenQuotingNamesItsLine() {
        assertThatThrownBy(() -> table("from,to,text\nA,B,\"not closed\n"))
                .isInstanceOf(DefinitionException.class).hasMessage(FILE + ":2: a quoted value is not closed");
        assertThatThrownBy(() -> table("from,to,text\nA,B,\"x\"y\n"))
                .isInstanceOf(DefinitionException.class).hasMessageStartingWith(FILE + ":2: text after a closing quote");
        assertThatThrownBy(() -> table("from,to,text\nA,B,5\" tube\n"))
                .isInstanceOf(DefinitionException.class).hasMessageStartingWith(FILE + ":2: a value with a quote must be quoted");
    }

    @Test
    void aTableSavedInGbkInsteadOfUtf8IsRefusedWithItsLine() {
        byte[] gbk = "from,to,text\nCT0012,CT-CHEST-PLAIN,胸部CT平扫\n".getBytes(java.nio.charset.Charset.forName("GB18030"));

        assertThatThrownBy(() -> table(new String(gbk, StandardCharsets.UTF_8)))
                .isInstanceOf(DefinitionException.class)
                .hasMessage(FILE + ":2: not UTF-8 text; save the table as 'CSV UTF-8'");
    }
}
