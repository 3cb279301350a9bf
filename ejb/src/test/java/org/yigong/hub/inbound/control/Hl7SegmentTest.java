package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class Hl7SegmentTest {

    @Test
    void readsFieldsComponentsAndRepetitionsWithTheMessagesOwnDelimiters() {
        List<Hl7Segment> message = Hl7Segment.all("MSH#!*%@#TWN_HIS#TWN_KHZ#CNTY#CNTY_GH#20261020##ORM!O01#1#P#2.4\r"
                + "PID#1##KHZ001!!!TWN_KHZ!MR*150525196903150428!!!CHN!NI##王!雪梅\r");
        Hl7Segment msh = message.get(0);
        assertThat(msh.value(4)).isEqualTo("TWN_KHZ");
        assertThat(msh.component(9, 2)).isEqualTo("O01");
        Hl7Segment pid = message.get(1);
        assertThat(pid.repetitions(3)).hasSize(2);
        assertThat(pid.component(pid.repetitions(3).get(1), 1)).isEqualTo("150525196903150428");
        assertThat(pid.component(3, 4)).isEqualTo("TWN_KHZ");
        assertThat(pid.component(5, 2)).isEqualTo("雪梅");
        assertThat(pid.component(40, 1)).isEmpty();
    }

    @Test
    void undoesEscapesTakesTheFirstSubcomponentAndAcceptsLineFeeds() {
        List<Hl7Segment> message = Hl7Segment.all("MSH|^~\\&|A|B\nOBX|1|TX|CONC||双肺炎症\\F\\复查||||||F\nOBX|2|CE|X&Y^名称");
        assertThat(message).hasSize(3);
        assertThat(message.get(1).value(5)).isEqualTo("双肺炎症|复查");
        assertThat(message.get(2).component(3, 1)).isEqualTo("X");
        assertThat(message.get(2).component(3, 2)).isEqualTo("名称");
    }

    @Test
    void aSegmentNameIsMatchedWhole() {
        List<Hl7Segment> message = Hl7Segment.all("MSH|^~\\&|A\rOBXX|1\rOBX|2");
        assertThat(message.stream().filter(s -> s.is("OBX")).map(s -> s.value(1))).containsExactly("2");
    }

    @Test
    void aMessageWithoutMshIsReadWithTheStandardDelimiters() {
        assertThat(Hl7Delimiters.declaredIn("PID|1")).isEqualTo(Hl7Delimiters.STANDARD);
        assertThat(Hl7Delimiters.declaredIn("MSH#!*%@#A")).isEqualTo(new Hl7Delimiters('#', '!', '*', '%', '@'));
        assertThat(Hl7Delimiters.declaredIn("MSH|^~\\|A").subcomponent()).isEqualTo('&');
    }
}
