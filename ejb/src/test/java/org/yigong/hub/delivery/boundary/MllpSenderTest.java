package org.yigong.hub.delivery.boundary;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yigong.hub.delivery.FakeMllpEndpoint;
import org.yigong.hub.delivery.FakeMllpEndpoint.Answer;

class MllpSenderTest {

    @RegisterExtension
    final FakeMllpEndpoint ris = new FakeMllpEndpoint();

    private MllpSender sender;

    private MllpSender sender(URI address) {
        sender = new MllpSender("county-ris", address, Duration.ofSeconds(2), Duration.ofMillis(500));
        return sender;
    }

    @AfterEach
    void close() {
        if (sender != null) {
            sender.close();
        }
    }

    private static String order(String controlId) {
        return "MSH|^~\\&|TWN_HIS|TWN_KHZ|CNTY_RIS|CNTY_GH|20261020084500||ORM^O01^ORM_O01|" + controlId
                + "|P|2.5.1\rPID|1||KHZ0012345^^^TWN_KHZ^MR\rORC|NW|KHZ-RIS-000781\r";
    }

    @Test
    void anAcceptedMessageReturnsItsAckAndTheConnectionIsReused() throws DeliveryFailure {
        MllpSender sender = sender(ris.address());

        String first = sender.send(order("D1"), "D1", UTF_8);
        String second = sender.send(order("D2"), "D2", UTF_8);

        assertThat(first).contains("MSA|AA|D1");
        assertThat(second).contains("MSA|AA|D2");
        assertThat(ris.received()).extracting(FakeMllpEndpoint::controlId).containsExactly("D1", "D2");
        assertThat(ris.connections()).isEqualTo(1);
    }

    @Test
    void anAckForAnotherMessageIsNeverTakenForThisOne() throws DeliveryFailure {
        ris.answer(message -> {
            byte[] stale = Answer.ack("AA", "EARLIER").bytes();
            byte[] right = Answer.ack("AA", FakeMllpEndpoint.controlId(message)).bytes();
            byte[] both = new byte[stale.length + right.length];
            System.arraycopy(stale, 0, both, 0, stale.length);
            System.arraycopy(right, 0, both, stale.length, right.length);
            return Answer.raw(both);
        });

        assertThat(sender(ris.address()).send(order("D3"), "D3", UTF_8)).contains("MSA|AA|D3");
    }

    @Test
    void anAckThatNamesAnotherMessageLeavesThisOneUnanswered() {
        ris.answer(message -> Answer.ack("AA", "SOMETHING-ELSE"));

        assertThatThrownBy(() -> sender(ris.address()).send(order("D4"), "D4", UTF_8))
                .isInstanceOf(DeliveryFailure.NoAnswer.class);
    }

    @Test
    void errorAndRejectAnswersCarryTheEndpointsAck() {
        MllpSender sender = sender(ris.address());
        ris.answer(message -> Answer.ack("AE", FakeMllpEndpoint.controlId(message)));
        assertThatThrownBy(() -> sender.send(order("D5"), "D5", UTF_8))
                .isInstanceOfSatisfying(DeliveryFailure.ErrorAnswer.class, e -> assertThat(e.ack()).contains("MSA|AE|D5"));

        ris.answer(message -> Answer.ack("AR", FakeMllpEndpoint.controlId(message)));
        assertThatThrownBy(() -> sender.send(order("D6"), "D6", UTF_8))
                .isInstanceOfSatisfying(DeliveryFailure.Rejected.class, e -> assertThat(e.ack()).contains("MSA|AR|D6"));
        assertThat(ris.connections()).as("an answered error keeps the connection").isEqualTo(1);
    }

    @Test
    void silenceIsNoAnswerAndTheNextMessageGoesOnAFreshConnection() throws DeliveryFailure {
        MllpSender sender = sender(ris.address());
        ris.answer(message -> Answer.silence());
        assertThatThrownBy(() -> sender.send(order("D7"), "D7", UTF_8)).isInstanceOf(DeliveryFailure.NoAnswer.class);

        ris.answer(message -> Answer.ack("AA", FakeMllpEndpoint.controlId(message)));
        assertThat(sender.send(order("D8"), "D8", UTF_8)).contains("MSA|AA|D8");
        assertThat(ris.connections()).as("after a timeout a late ACK must not arrive on the next exchange").isEqualTo(2);
    }

    @Test
    void anEndpointThatHungUpIsReconnectedTransparently() throws DeliveryFailure {
        MllpSender sender = sender(ris.address());
        ris.answer(message -> Answer.ack("AA", FakeMllpEndpoint.controlId(message)).thenHangUp());

        sender.send(order("D9"), "D9", UTF_8);
        assertThat(sender.send(order("D10"), "D10", UTF_8)).contains("MSA|AA|D10");
        assertThat(ris.connections()).isEqualTo(2);
    }

    @Test
    void garbageInsteadOfAnAckIsCorrupt() {
        ris.answer(message -> Answer.raw("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(UTF_8)));

        assertThatThrownBy(() -> sender(ris.address()).send(order("D11"), "D11", UTF_8))
                .isInstanceOf(DeliveryFailure.Corrupt.class);
    }

    @Test
    void anEndpointNobodyListensOnIsUnreachable() throws Exception {
        int unused;
        try (var probe = new ServerSocket(0)) {
            unused = probe.getLocalPort();
        }
        assertThatThrownBy(() -> sender(URI.create("mllp://127.0.0.1:" + unused)).send(order("D12"), "D12", UTF_8))
                .isInstanceOf(DeliveryFailure.Unreachable.class);
    }

    @Test
    void anAddressThatIsNotMllpIsRefusedAtOnce() {
        assertThatThrownBy(() -> sender(URI.create("http://127.0.0.1:8080")))
                .hasMessageContaining("mllp://host:port");
    }

    @Test
    void theMessageArrivesInTheCharsetOfTheEndpoint() throws DeliveryFailure {
        String named = "MSH|^~\\&|HUB|CNTY_GH|TWN_HIS|TWN_KHZ|20261020084500||ORU^R01^ORU_R01|D13|P|2.4\rPID|1||KHZ0012345^^^TWN_KHZ^MR||王^雪梅\r";
        sender(ris.address()).send(named, "D13", UTF_8);
        assertThat(ris.received().get(0)).contains("王^雪梅");
    }
}
