package org.yigong.hub.result.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yigong.hub.mapping.control.DefinitionException;

class CriticalValuesTest {

    final CriticalValues county = CriticalValues.standard();

    @Test
    void theLaboratorysOwnPanicFlagsAreCritical() {
        assertThat(county.flag(List.of("HH"), "WBC", "NM", "31.8")).contains("HH");
        assertThat(county.flag(List.of("aa"), "CONC", "TX", "急性肺动脉栓塞")).contains("AA");
        assertThat(county.flag(List.of("H"), "WBC", "NM", "11.8")).isEmpty();
    }

    @Test
    void unflaggedValuesAreComparedWithTheCountysLimits() {
        assertThat(county.flag(List.of(), "K", "NM", "6.9")).contains("HH");
        assertThat(county.flag(List.of(""), "k", "NM", "2.5")).contains("LL");
        assertThat(county.flag(List.of(), "K", "NM", "6.2")).as("the limit itself is not beyond it").isEmpty();
        assertThat(county.flag(List.of(), "HGB", "NM", "45")).contains("LL");
        assertThat(county.flag(List.of(), "HGB", "NM", "190")).as("an open upper side").isEmpty();
        assertThat(county.flag(List.of(), "CTNI", "SN", ">^0.8")).contains("HH");
        assertThat(county.flag(List.of(), "K", "ST", "6.9")).as("only numbers are compared").isEmpty();
        assertThat(county.flag(List.of(), "K", "NM", "溶血")).isEmpty();
        assertThat(county.flag(List.of(), "ALT", "NM", "900")).as("an item without limits").isEmpty();
    }

    @Test
    void aBrokenLimitFailsWithTheTablesFileAndLine() {
        assertThatThrownBy(() -> CriticalValues.of("from,to,text\nK,2.8..6.2,血钾\nNA,high,血钠\n")).isInstanceOf(DefinitionException.class)
                .hasMessageContaining("tables/critical-values.csv:3");
    }
}
