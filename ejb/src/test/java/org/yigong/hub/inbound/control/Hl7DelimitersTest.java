package org.yigong.hub.inbound.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yigong.hub.inbound.control.MessageHeader;
import org.yigong.hub.inbound.control.MessageRejected;

class Hl7DelimitersTest {

    @Test
    void everyDelimiterInTextBecomesItsEscapeSequence() {
        assertThat(Hl7Delimiters.STANDARD.escape("a|b^c~d\\e&f\r\ng"))
                .isEqualTo("a\\F\\b\\S\\c\\R\\d\\E\\e\\T\\f  g");
    }

    @Test
    void escapingThenUnescapingGivesTheTextBack() {
        String text = "血压 120/80 | 心率^78 ~ 无&异常 \\ 好";

        assertThat(Hl7Delimiters.STANDARD.unescape(Hl7Delimiters.STANDARD.escape(text))).isEqualTo(text);
    }

    @Test
    void aSendersOwnDelimitersAreTheOnesEscaped() throws MessageRejected {
        var delimiters = Hl7Delimiters.of(MessageHeader.read("MSH#*!$%#HIS#TWN#HUB#CNTY#20261022##QBP*Q11#1#P#2.5.1\r"));

        assertThat(delimiters.escape("a#b*c!d$e%f|g")).isEqualTo("a$F$b$S$c$R$d$E$e$T$f|g");
        assertThat(delimiters.encodingCharacters()).isEqualTo("*!$%");
    }

    @Test
    void anUnclosedEscapeIsKeptAsItIs() {
        assertThat(Hl7Delimiters.STANDARD.unescape("C:\\temp")).isEqualTo("C:\\temp");
        assertThat(Hl7Delimiters.STANDARD.unescape(null)).isNull();
    }
}
