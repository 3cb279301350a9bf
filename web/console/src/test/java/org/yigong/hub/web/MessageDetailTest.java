package org.yigong.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.yigong.hub.inbound.entity.InboundMessage;
import org.yigong.hub.inbound.entity.MessageStatus;

class MessageDetailTest {

    private static final String RAW = "MSH|^~\\&|HIS|TWN_KHZ|HUB|COUNTY|20261122080000||ADT^A04^ADT_A01|MSG00001|P|2.4|||||||GB18030\r"
            + "PID|1||P000123^^^TWN_KHZ||张𠀀三\r";

    private static InboundMessage adtA04(MessageStatus status) {
        var message = new InboundMessage("township-mllp", Instant.parse("2026-11-22T00:00:01.5Z"), "10.8.0.17:51022",
                RAW.getBytes(StandardCharsets.UTF_8));
        message.decoded("GB18030", RAW);
        message.header("HIS", "TWN_KHZ", "HUB", "COUNTY", "ADT^A04", "ADT_A01", "MSG00001", "2.4", "P");
        message.patient("P000123", "TWN_KHZ", "110101199003071234", "张𠀀三");
        if (status == MessageStatus.RECEIVED) {
            message.judge(status, null, null, null);
            message.acknowledged("AA", "MSH|...\rMSA|AA|MSG00001\r");
        } else {
            message.judge(status, 101, "PID^1^3", "PID-3 patient id is required");
            message.acknowledged("AE", "MSH|...\rMSA|AE|MSG00001\rERR|||101\r");
        }
        return message;
    }

    @Test
    void summaryNamesTheMessageAsTheBrowserListsIt() {
        MessageSummary summary = MessageSummary.of(adtA04(MessageStatus.RECEIVED));

        assertThat(summary).isEqualTo(new MessageSummary(null, "MSG00001", "TWN_KHZ", "HIS", "ADT^A04", "RECEIVED", "AA",
                "2026-11-22T00:00:01.500Z", "P000123", "张𠀀三", "township-mllp"));
    }

    @Test
    void detailCarriesTheDecodedTextHeaderIdentifiersAndAck() {
        MessageDetail detail = MessageDetail.of(adtA04(MessageStatus.RECEIVED));

        assertThat(detail.raw()).isEqualTo(RAW);
        assertThat(detail.charset()).isEqualTo("GB18030");
        assertThat(detail.receivingApplication()).isEqualTo("HUB");
        assertThat(detail.receivingFacility()).isEqualTo("COUNTY");
        assertThat(detail.version()).isEqualTo("2.4");
        assertThat(detail.processingId()).isEqualTo("P");
        assertThat(detail.structure()).isEqualTo("ADT_A01");
        assertThat(detail.nationalId()).isEqualTo("110101199003071234");
        assertThat(detail.patientIdAuthority()).isEqualTo("TWN_KHZ");
        assertThat(detail.remoteAddress()).isEqualTo("10.8.0.17:51022");
        assertThat(detail.duplicateCount()).isZero();
        assertThat(detail.ack()).contains("MSA|AA|MSG00001");
        assertThat(detail.type()).isEqualTo("ADT^A04");
        assertThat(detail.receivedAt()).isEqualTo("2026-11-22T00:00:01.500Z");
    }

    @Test
    void acceptedMessageHasNoError() {
        assertThat(MessageDetail.of(adtA04(MessageStatus.RECEIVED)).error()).isNull();
    }

    @Test
    void messageInErrorShowsWhatTheErrSegmentToldTheSender() {
        MessageDetail detail = MessageDetail.of(adtA04(MessageStatus.ERROR));

        assertThat(detail.status()).isEqualTo("ERROR");
        assertThat(detail.ackCode()).isEqualTo("AE");
        assertThat(detail.error()).isEqualTo(new MessageDetail.ContentError(101, "PID^1^3", "PID-3 patient id is required"));
    }

    @Test
    void deliveriesAreAnEmptyListUntilRoutingExists() {
        assertThat(MessageDetail.of(adtA04(MessageStatus.RECEIVED)).deliveries()).isNotNull().isEmpty();
    }

    @Test
    void rejectedFrameWithoutHeaderStillHasItsSummary() {
        var notHl7 = new InboundMessage("township-mllp", Instant.parse("2026-11-22T00:00:00Z"), null, new byte[] {1, 2});
        notHl7.judge(MessageStatus.REJECTED, 100, "", "not an HL7 v2 message");

        MessageSummary summary = MessageSummary.of(notHl7);

        assertThat(summary.status()).isEqualTo("REJECTED");
        assertThat(summary.controlId()).isNull();
        assertThat(summary.type()).isNull();
    }
}
