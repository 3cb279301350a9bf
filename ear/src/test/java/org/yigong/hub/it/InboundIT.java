package org.yigong.hub.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A township HIS pointed at the hub: real MLLP connections to the channels of the deployed EAR,
 * with the realistic sample traffic, broken traffic, and many senders at once; then what hospital
 * IT sees of it through the REST API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InboundIT {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Deployment(testable = false)
    static EnterpriseArchive hub() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("hub.ear")));
    }

    private final HubHttp http = new HubHttp().as("demo", "demo");

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(Path.of(System.getProperty("hub.samples"), "hl7", name));
        } catch (IOException e) {
            throw new IllegalStateException("sample " + name + " missing", e);
        }
    }

    /** The message with MSH-10 replaced; MSH up to MSH-10 is ASCII in every sample. */
    static byte[] withControlId(byte[] message, String controlId) {
        String text = new String(message, ISO_8859_1);
        int end = text.indexOf('\r') >= 0 ? text.indexOf('\r') : text.indexOf('\n');
        String[] fields = text.substring(0, end).split("\\|", -1);
        fields[9] = controlId;
        return (String.join("|", fields) + text.substring(end)).getBytes(ISO_8859_1);
    }

    static String uniqueId() {
        return "IT" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    private JsonObject storedMessage(String controlId) {
        var list = HubHttp.array(http.get("/hub/api/messages?controlId=" + controlId));
        assertThat(list).as("exactly one message stored with control id " + controlId).hasSize(1);
        return HubHttp.object(http.get("/hub/api/messages/" + list.getJsonObject(0).getJsonNumber("id").longValue()));
    }

    // ---- the sample traffic ---------------------------------------------------------------

    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("adt_a04_township_registration_gb18030.hl7", "AA"),
            Map.entry("orm_o01_ct_chest_order.hl7", "AA"),
            Map.entry("oml_o21_lab_cbc_order.hl7", "AA"),
            Map.entry("orm_o01_ecg_order.hl7", "AA"),
            Map.entry("dft_p03_charges.hl7", "AA"),
            Map.entry("ref_i12_upward_referral.hl7", "AA"),
            Map.entry("adt_a08_lf_separated.hl7", "AA"),
            Map.entry("bad_missing_control_id.hl7", "AR"),
            Map.entry("bad_not_hl7.txt", "AR"),
            Map.entry("oru_r01_ct_report.hl7", "AA"),
            Map.entry("oru_r01_lab_cbc_result.hl7", "AA"),
            Map.entry("adt_a04_ed_stroke_alert.hl7", "AA"));

    private static int portFor(String sample) {
        return sample.startsWith("oru_") || sample.contains("ed_stroke") ? MllpPeer.COUNTY_PORT : MllpPeer.TOWNSHIP_PORT;
    }

    @Test
    void everySampleSentWithMllpSendGetsTheExpectedAck() throws Exception {
        Path mllpSend = Path.of("/usr/bin/mllp_send");
        assumeTrue(Files.isExecutable(mllpSend), "mllp_send (Debian python3-hl7) is not installed");
        Path framed = Files.createTempDirectory("framed");
        for (var sample : EXPECTED.entrySet()) {
            // mllp_send --file expects MLLP-framed bytes and sends them unchanged
            Path file = framed.resolve(sample.getKey());
            Files.write(file, MllpPeer.frame(sample(sample.getKey())));
            Process process = new ProcessBuilder(mllpSend.toString(), "-p", String.valueOf(portFor(sample.getKey())),
                    "-f", file.toString(), "127.0.0.1").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(MllpPeer.msa(output)).as(sample.getKey()).startsWith(sample.getValue() + "|");
        }
    }

    @Test
    void everyWellFormedSampleSentWithHapiGetsAa() throws Exception {
        try (HapiContext hapi = new DefaultHapiContext()) {
            hapi.setValidationContext(ValidationContextFactory.noValidation());
            hapi.setLowerLayerProtocol(new MinLowerLayerProtocol(true));
            for (var sample : EXPECTED.entrySet()) {
                if (!sample.getValue().equals("AA")) {
                    continue;
                }
                byte[] bytes = sample(sample.getKey());
                Charset charset = sample.getKey().contains("gb18030") ? GB18030 : UTF_8;
                String text = new String(withControlId(bytes, uniqueId()), charset).replace("\r\n", "\r").replace('\n', '\r');
                Message message = hapi.getPipeParser().parse(text);
                Connection connection = hapi.newClient("127.0.0.1", portFor(sample.getKey()), false);
                try {
                    Message ack = connection.getInitiator().sendAndReceive(message);
                    assertThat(new Terser(ack).get("/MSA-1")).as(sample.getKey()).isEqualTo("AA");
                    assertThat(new Terser(ack).get("/MSA-2")).isEqualTo(new Terser(message).get("/MSH-10"));
                } finally {
                    connection.close();
                }
            }
        }
    }

    // ---- character sets --------------------------------------------------------------------

    @Test
    void gb18030NamesAreStoredExactlyWithOrWithoutMsh18() {
        String withMsh18 = uniqueId();
        String withoutMsh18 = uniqueId();
        byte[] sample = sample("adt_a04_township_registration_gb18030.hl7");
        byte[] noMsh18 = new String(withControlId(sample, withoutMsh18), ISO_8859_1)
                .replaceFirst("\\|\\|GB 18030-2000\r", "\r").getBytes(ISO_8859_1);
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            assertThat(MllpPeer.msa(his.send(withControlId(sample, withMsh18), GB18030))).isEqualTo("AA|" + withMsh18);
            assertThat(MllpPeer.msa(his.send(noMsh18, GB18030))).isEqualTo("AA|" + withoutMsh18);
        }
        for (String controlId : List.of(withMsh18, withoutMsh18)) {
            JsonObject stored = storedMessage(controlId);
            assertThat(stored.getString("raw")).contains("||王^雪梅||19690315|F|||扣河子镇扣河子村");
            assertThat(stored.getString("patientName")).isEqualTo("王雪梅");
            assertThat(stored.getString("charset")).isEqualTo("GB18030");
            assertThat(stored.getString("patientId")).isEqualTo("KHZ0012345");
            assertThat(stored.getString("nationalId")).isEqualTo("150525196903150428");
        }
    }

    @Test
    void namesOutsideTheBasicPlaneSurviveInGb18030AndUtf8() {
        String name = "𠮷^雪𪚥";
        for (Charset charset : List.of(GB18030, UTF_8)) {
            String controlId = uniqueId();
            String msh18 = charset == UTF_8 ? "UNICODE UTF-8" : "";
            String message = "MSH|^~\\&|TWN_HIS|TWN_KHZ|HUB|CNTY_GH|20261120101010||ADT^A04^ADT_A01|" + controlId
                    + "|P|2.4|||AL|NE||" + msh18 + "\rEVN|A04|20261120101010\rPID|1||KHZ0099001^^^TWN_KHZ^MR||" + name
                    + "||19900101|M\rPV1|1|O\r";
            try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
                assertThat(MllpPeer.msa(his.send(message.getBytes(charset), charset))).isEqualTo("AA|" + controlId);
            }
            JsonObject stored = storedMessage(controlId);
            assertThat(stored.getString("raw")).contains("||" + name + "||");
            assertThat(stored.getString("patientName").codePoints().toArray()).isEqualTo("𠮷雪𪚥".codePoints().toArray());
        }
    }

    // ---- framing ---------------------------------------------------------------------------

    @Test
    void framesSplitAcrossReadsAndPipelinedFramesAreAllAcknowledgedInOrder() throws InterruptedException {
        byte[] order = sample("orm_o01_ct_chest_order.hl7");
        String split = uniqueId();
        byte[] frame = MllpPeer.frame(withControlId(order, split));
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            his.write(java.util.Arrays.copyOfRange(frame, 0, 7));
            Thread.sleep(50);
            his.write(java.util.Arrays.copyOfRange(frame, 7, frame.length - 1));
            Thread.sleep(50);
            his.write(java.util.Arrays.copyOfRange(frame, frame.length - 1, frame.length));
            assertThat(MllpPeer.msa(his.readAck(UTF_8))).isEqualTo("AA|" + split);

            List<String> ids = List.of(uniqueId(), uniqueId(), uniqueId());
            var pipelined = new java.io.ByteArrayOutputStream();
            ids.forEach(id -> pipelined.writeBytes(MllpPeer.frame(withControlId(order, id))));
            his.write(pipelined.toByteArray());
            for (String id : ids) {
                assertThat(MllpPeer.msa(his.readAck(UTF_8))).isEqualTo("AA|" + id);
            }
        }
    }

    @Test
    void lineBreaksAndStrayBytesBeforeTheStartBlockAreSkipped() {
        String id = uniqueId();
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            his.write("\r\n\0xy".getBytes(ISO_8859_1));
            assertThat(MllpPeer.msa(his.send(withControlId(sample("orm_o01_ecg_order.hl7"), id), UTF_8))).isEqualTo("AA|" + id);
        }
    }

    @Test
    void garbageClosesThatConnectionOnlyAndTheOthersGoOn() {
        try (var working = new MllpPeer(MllpPeer.TOWNSHIP_PORT); var garbage = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            garbage.write(sample("bad_not_hl7.txt"));
            assertThat(garbage.closedByHub()).as("an HTTP request on the MLLP port closes that connection").isTrue();
            String id = uniqueId();
            assertThat(MllpPeer.msa(working.send(withControlId(sample("orm_o01_ecg_order.hl7"), id), UTF_8))).isEqualTo("AA|" + id);
        }
    }

    @Test
    void aMessageLargerThanTheChannelTakesIsAnsweredArStoredAndTheConnectionClosed() {
        String id = uniqueId();
        String big = "MSH|^~\\&|TWN_HIS|TWN_KHZ|CNTY_RIS|CNTY_GH|20261120101010||ORU^R01^ORU_R01|" + id
                + "|P|2.4|||AL|NE||UNICODE UTF-8\rPID|1||KHZ0012345^^^TWN_KHZ^MR\rOBX|1|TX|NOTE||" + "x".repeat(5 * 1024 * 1024) + "\r";
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            his.write(MllpPeer.frame(big.getBytes(UTF_8)));
            String ack = his.readAck(UTF_8);
            assertThat(MllpPeer.msa(ack)).isEqualTo("AR|" + id);
            assertThat(ack).contains("max-message-bytes");
            assertThat(his.closedByHub()).isTrue();
        }
        JsonObject stored = storedMessage(id);
        assertThat(stored.getString("status")).isEqualTo("REJECTED");
    }

    // ---- rejections and errors ---------------------------------------------------------------

    @Test
    void rejectedAndErroneousMessagesAreAnsweredWithErrAndStoredWithTheirError() {
        String unknownFacility = uniqueId();
        String badVersion = uniqueId();
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            String noControlId = his.send(sample("bad_missing_control_id.hl7"), UTF_8);
            assertThat(MllpPeer.msa(noControlId)).isEqualTo("AR|");
            assertThat(noControlId).contains("ERR|MSH^1^10^101&Required field missing&HL70357");

            byte[] stranger = new String(withControlId(sample("orm_o01_ecg_order.hl7"), unknownFacility), ISO_8859_1)
                    .replace("|TWN_HIS|TWN_KHZ|", "|HIS|TWN_UNKNOWN|").getBytes(ISO_8859_1);
            String ack = his.send(stranger, UTF_8);
            assertThat(MllpPeer.msa(ack)).isEqualTo("AR|" + unknownFacility);
            assertThat(ack).contains("MSH^1^4^103");

            byte[] v26 = new String(withControlId(sample("orm_o01_ecg_order.hl7"), badVersion), ISO_8859_1)
                    .replace("|P|2.4|", "|P|2.6|").getBytes(ISO_8859_1);
            assertThat(MllpPeer.msa(his.send(v26, UTF_8))).isEqualTo("AR|" + badVersion);
        }
        JsonObject stored = storedMessage(unknownFacility);
        assertThat(stored.getString("status")).isEqualTo("REJECTED");
        assertThat(stored.getJsonObject("error").getString("location")).isEqualTo("MSH^1^4");
        assertThat(stored.getString("ack")).contains("MSA|AR|" + unknownFacility);
    }

    // ---- duplicates and concurrency --------------------------------------------------------

    @Test
    void aResentMessageGetsItsOriginalAckAndIsStoredOnce() {
        String id = uniqueId();
        byte[] message = withControlId(sample("ref_i12_upward_referral.hl7"), id);
        String first;
        String again;
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            first = his.send(message, UTF_8);
        }
        try (var reconnected = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            again = reconnected.send(message, UTF_8);
        }
        assertThat(again).isEqualTo(first);
        JsonObject stored = storedMessage(id);
        assertThat(stored.getJsonNumber("duplicateCount").intValue()).isEqualTo(1);
    }

    @Test
    void fiftySendersAtOnceWithResendsEveryAckedMessageIsStoredExactlyOnce() throws Exception {
        String batch = "C" + RUN;
        byte[] template = sample("adt_a04_township_registration_gb18030.hl7");
        int senders = 50;
        int perSender = 200;
        Map<String, String> firstAcks = new ConcurrentHashMap<>();
        AtomicInteger resendsMatching = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            done.add(pool.submit(() -> {
                try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
                    for (int i = 0; i < perSender; i++) {
                        String id = batch + "-" + sender + "-" + i;
                        byte[] message = withControlId(template, id);
                        String ack = his.send(message, GB18030);
                        assertThat(MllpPeer.msa(ack)).isEqualTo("AA|" + id);
                        firstAcks.put(id, ack);
                        if (i % 10 == 0) {
                            assertThat(his.send(message, GB18030)).isEqualTo(ack);
                            resendsMatching.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> sender : done) {
            sender.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(firstAcks).hasSize(senders * perSender);
        assertThat(resendsMatching.get()).isEqualTo(senders * perSender / 10);
        HttpResponse<String> page = http.get("/hub/api/messages?controlId=" + batch + "-*&limit=1");
        assertThat(page.headers().firstValue("X-Total-Count")).hasValue(String.valueOf(senders * perSender));
    }

    // ---- what operators see ---------------------------------------------------------------

    @Test
    void operatorsFindMessagesByTheirKeysAndEveryReadIsAudited() throws InterruptedException {
        String id = uniqueId();
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            his.send(withControlId(sample("adt_a04_township_registration_gb18030.hl7"), id), GB18030);
        }
        assertThat(http.anonymous().get("/hub/api/messages").statusCode()).isEqualTo(401);
        http.as("demo", "demo");

        var byPatient = HubHttp.array(http.get("/hub/api/messages?patientId=150525196903150428&type=ADT%5EA04&facility=TWN_KHZ"));
        assertThat(byPatient.stream().map(m -> m.asJsonObject().getString("controlId"))).contains(id);
        JsonObject summary = byPatient.stream().map(m -> m.asJsonObject())
                .filter(m -> m.getString("controlId").equals(id)).findFirst().orElseThrow();
        assertThat(summary.getString("sendingFacility")).isEqualTo("TWN_KHZ");
        assertThat(summary.getString("type")).isEqualTo("ADT^A04");
        assertThat(summary.getString("status")).as("stored, then routed on its own").isIn("RECEIVED", "ROUTED");
        assertThat(summary.getString("patientName")).isEqualTo("王雪梅");
        assertThat(summary.getString("receivedAt")).isNotBlank();

        var rejected = HubHttp.array(http.get("/hub/api/messages?status=REJECTED&limit=500"));
        assertThat(rejected.stream().map(m -> m.asJsonObject().getString("status"))).containsOnly("REJECTED");
        HttpResponse<String> page = http.get("/hub/api/messages?limit=2");
        assertThat(HubHttp.array(page)).hasSize(2);
        assertThat(Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow())).isGreaterThanOrEqualTo(3);
        assertThat(http.get("/hub/api/messages?status=LOST").statusCode()).isEqualTo(400);

        long messageId = summary.getJsonNumber("id").longValue();
        JsonObject detail = HubHttp.object(http.get("/hub/api/messages/" + messageId));
        for (int i = 0; i < 300 && !detail.getString("status").equals("ROUTED"); i++) {
            Thread.sleep(100);
            detail = HubHttp.object(http.get("/hub/api/messages/" + messageId));
        }
        assertThat(detail.getString("ack")).contains("MSA|AA|" + id);
        assertThat(detail.getJsonArray("deliveries").stream().map(d -> d.asJsonObject().getString("endpoint")))
                .as("a township registration goes to the county HIS").containsExactly("county-his");

        var audit = HubHttp.array(http.get("/hub/api/audit?subjectType=message&subjectId=" + summary.getJsonNumber("id").longValue()));
        assertThat(audit).isNotEmpty();
        assertThat(audit.getJsonObject(0).getString("actor")).isEqualTo("demo");
        assertThat(audit.getJsonObject(0).getString("action")).isEqualTo("MESSAGE_VIEWED");
    }

    @Test
    void logsCarryMessageIdsButNoPatientData() throws IOException {
        String id = uniqueId();
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            assertThat(MllpPeer.msa(his.send(withControlId(sample("adt_a04_township_registration_gb18030.hl7"), id), GB18030)))
                    .isEqualTo("AA|" + id);
        }
        Path logs = Path.of(System.getProperty("it.base.dir"), "log");
        String hubLog = Files.readString(logs.resolve("hub.log"), UTF_8);
        String serverLog = Files.readString(logs.resolve("server.log"), UTF_8);
        assertThat(hubLog).contains("controlId=" + id);
        for (String log : List.of(hubLog, serverLog)) {
            assertThat(log).doesNotContain("王雪梅", "雪梅", "150525196903150428", "KHZ0012345", "13904751234", "扣河子");
        }
    }
}
