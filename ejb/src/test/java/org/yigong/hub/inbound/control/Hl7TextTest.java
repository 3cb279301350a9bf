package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Hl7TextTest {

    @Test
    void readsFieldsComponentsAndRepetitionsWithTheMessagesOwnDelimiters() {
        Hl7Text message = Hl7Text.of("MSH#!*%@#TWN_HIS#TWN_KHZ#CNTY#CNTY_GH#20261020##ORM!O01#1#P#2.4\r"
                + "PID#1##KHZ001!!!TWN_KHZ!MR*150525196903150428!!!CHN!NI##王!雪梅\r");
        assertThat(message.value("MSH", 1, 1)).isEqualTo("#");
        assertThat(message.value("MSH", 4, 1)).isEqualTo("TWN_KHZ");
        assertThat(message.value("MSH", 9, 2)).isEqualTo("O01");
        Hl7Text.Segment pid = message.first("PID").orElseThrow();
        assertThat(pid.repetitions(3)).isEqualTo(2);
        assertThat(pid.value(3, 1, 1)).isEqualTo("150525196903150428");
        assertThat(pid.value(3, 0, 4)).isEqualTo("TWN_KHZ");
        assertThat(pid.value(5, 2)).isEqualTo("雪梅");
        assertThat(pid.value(40, 1)).isEmpty();
        assertThat(message.value("OBR", 4, 1)).isEmpty();
    }

    @Test
    void undoesEscapesAndTakesTheFirstSubcomponent() {
        Hl7Text message = Hl7Text.of("MSH|^~\\&|A|B\nOBX|1|TX|CONC||双肺炎症\\F\\复查||||||F\nOBX|2|CE|X&Y^名称");
        assertThat(message.all("OBX")).hasSize(2);
        assertThat(message.all("OBX").get(0).value(5, 1)).isEqualTo("双肺炎症|复查");
        assertThat(message.all("OBX").get(1).value(3, 1)).isEqualTo("X");
        assertThat(message.all("OBX").get(1).value(3, 2)).isEqualTo("名称");
    }

    @Test
    void aSegmentNameIsMatchedWhole() {
        Hl7Text message = Hl7Text.of("MSH|^~\\&|A\rOBXX|1\rOBX|2");
        assertThat(message.all("OBX")).hasSize(1);
        assertThat(message.value("OBX", 1, 1)).isEqualTo("2");
    }

    @Test
    void textThatIsNotHl7IsRefused() {
        assertThatThrownBy(() -> Hl7Text.of("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hl7Text.of("\r\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
