package org.yigong.hub.delivery.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundMessageTest {

    static final String ORDER = "MSH|^~\\&|TWN_HIS|TWN_KHZ|CNTY_RIS|CNTY_GH|20261020084500||ORM^O01^ORM_O01|KHZ1|P|2.5.1\r"
            + "PID|1||KHZ0012345^^^TWN_KHZ^MR\rORC|NW|KHZ-RIS-000781^TWN_HIS\rOBR|1|KHZ-RIS-000781^TWN_HIS||CT-CHEST-PLAIN\r"
            + "ORC|NW|KHZ-RIS-000782^TWN_HIS||||||\rOBR|2";

    @Test
    void aCancellationIsTheOrderWithEveryOrcSaying_CA() {
        String cancel = OutboundMessage.withOrderControl(ORDER, "CA");
        assertThat(cancel).isEqualTo(ORDER.replace("ORC|NW|", "ORC|CA|"));
    }

    @Test
    void anOrcWithOnlyItsFirstFieldIsChangedToo() {
        assertThat(OutboundMessage.withOrderControl("MSH|^~\\&|A\rORC|NW", "CA")).isEqualTo("MSH|^~\\&|A\rORC|CA");
    }

    @Test
    void theControlIdIsReplacedEvenWhereMshStopsShort() {
        assertThat(OutboundMessage.withControlId(ORDER, "YG7")).contains("|ORM^O01^ORM_O01|YG7|P|");
        assertThat(OutboundMessage.withControlId("MSH|^~\\&|A|B", "YG8")).isEqualTo("MSH|^~\\&|A|B||||||YG8");
    }
}
