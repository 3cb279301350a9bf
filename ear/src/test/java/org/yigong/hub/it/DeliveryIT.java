package org.yigong.hub.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.yigong.hub.delivery.FakeMllpEndpoint;

/**
 * The hub's daily work seen from the county systems: fake LIS, RIS, ECG centre, insurance platform
 * and township HIS listen where the hub was told they are (arquillian.xml), and the sample traffic
 * sent by a township arrives at each translated as the golden examples of hl7-mappings say.
 *
 * <p>Other test classes share the server and are routed too, so every assertion looks for this
 * class's own messages (by control id or placer number), never for an empty queue.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryIT {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String RUN = Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase();

    @RegisterExtension
    final FakeMllpEndpoint lis = new FakeMllpEndpoint(3101 + HubHttp.PORT_OFFSET);
    @RegisterExtension
    final FakeMllpEndpoint ris = new FakeMllpEndpoint(3102 + HubHttp.PORT_OFFSET);
    @RegisterExtension
    final FakeMllpEndpoint ecg = new FakeMllpEndpoint(3103 + HubHttp.PORT_OFFSET);
    @RegisterExtension
    final FakeMllpEndpoint countyHis = new FakeMllpEndpoint(3104 + HubHttp.PORT_OFFSET);
    @RegisterExtension
    final FakeMllpEndpoint insurance = new FakeMllpEndpoint(3105 + HubHttp.PORT_OFFSET);
    @RegisterExtension
    final FakeMllpEndpoint township = new FakeMllpEndpoint(3111 + HubHttp.PORT_OFFSET, GB18030);

    @Deployment(testable = false)
    static EnterpriseArchive hub() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("hub.ear")));
    }

    private final HubHttp http = new HubHttp().as("demo", "demo");

    private static String golden(String mapping, String example) throws IOException {
        Path file = Path.of(System.getProperty("hub.samples")).getParent()
                .resolve("mappings").resolve(mapping).resolve("examples").resolve(example).resolve("expected.hl7");
        return Files.readString(file, UTF_8);
    }

    /** MSH-10 is the delivery's own control id on the wire; everything else must be as the golden file says. */
    private static String withoutControlId(String message) {
        String normalized = message.replace("\r\n", "\r").replace('\n', '\r').strip();
        int end = normalized.indexOf('\r');
        String[] msh = normalized.substring(0, end).split("\\|", -1);
        msh[9] = "*";
        return String.join("|", msh) + normalized.substring(end);
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(giveUp);
            Thread.sleep(100);
        }
    }

    private static String receivedWith(FakeMllpEndpoint endpoint, String marker) {
        return endpoint.received().stream().filter(m -> m.contains(marker)).findFirst().orElse(null);
    }

    private static void send(int port, byte[] message, Charset charset) {
        try (var his = new MllpPeer(port)) {
            assertThat(MllpPeer.msa(his.send(message, charset))).startsWith("AA|");
        }
    }

    @Test
    void theSampleTrafficArrivesAtTheRightEndpointsTranslatedAsTheGoldenExamplesSay() throws Exception {
        record Case(String sample, int port, Charset charset, FakeMllpEndpoint endpoint, String mapping, String example, String marker) {
        }
        List<Case> cases = List.of(
                new Case("orm_o01_ct_chest_order.hl7", MllpPeer.TOWNSHIP_PORT, UTF_8, ris,
                        "township-imaging-order-to-county-ris", "chest-ct-sample", "KHZ-RIS-000781"),
                new Case("orm_o01_ecg_order.hl7", MllpPeer.TOWNSHIP_PORT, UTF_8, ecg,
                        "township-ecg-order-to-county-ecg", "twelve-lead-stat-sample", "ORC|"),
                new Case("oml_o21_lab_cbc_order.hl7", MllpPeer.TOWNSHIP_PORT, UTF_8, lis,
                        "township-lab-order-to-county-lis", "cbc-oml-o21-sample", "OML^O21"),
                new Case("dft_p03_charges.hl7", MllpPeer.TOWNSHIP_PORT, UTF_8, insurance,
                        "township-charges-to-insurance", "ct-and-consultation-sample", "DFT^P03"),
                new Case("oru_r01_ct_report.hl7", MllpPeer.COUNTY_PORT, UTF_8, township,
                        "county-result-to-township", "ct-report-sample", "ORU^R01"));
        for (Case c : cases) {
            // a control id of its own: the same sample sent before by another test would be a duplicate, not routed again
            send(c.port(), InboundIT.withControlId(InboundIT.sample(c.sample()), "GD" + RUN + c.sample().hashCode()), c.charset());
            waitFor(c.sample() + " at its endpoint", () -> receivedWith(c.endpoint(), c.marker()) != null);
            assertThat(withoutControlId(receivedWith(c.endpoint(), c.marker())))
                    .as(c.sample() + " as delivered").isEqualTo(withoutControlId(golden(c.mapping(), c.example())));
        }
        // the report went back to the township in its own charset, with the name intact
        assertThat(receivedWith(township, "ORU^R01")).contains("王^雪梅");
    }

    @Test
    void anEndpointDownForAThousandMessagesGetsThemAllInOrderOnceAndTheOthersKeepFlowing() throws Exception {
        ris.stop();
        int orders = 1000;
        byte[] template = InboundIT.sample("orm_o01_ct_chest_order.hl7");
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            for (int i = 0; i < orders; i++) {
                String text = new String(InboundIT.withControlId(template, "DN" + RUN + "-" + i), ISO_8859_1)
                        .replace("KHZ-RIS-000781", "DN" + RUN + "-" + i + "X");
                assertThat(MllpPeer.msa(his.send(text.getBytes(ISO_8859_1), UTF_8))).startsWith("AA|");
            }
            // meanwhile a lab order is delivered: one endpoint down holds up only its own queue
            byte[] lab = InboundIT.withControlId(InboundIT.sample("oml_o21_lab_cbc_order.hl7"), "DNLAB" + RUN);
            assertThat(MllpPeer.msa(his.send(lab, UTF_8))).startsWith("AA|");
        }
        waitFor("the lab order while the RIS is down", () -> !lis.received().isEmpty()
                && lis.received().stream().anyMatch(m -> m.contains("OML^O21")));
        String prefix = "DN" + RUN + "-";
        assertThat(ris.received()).noneMatch(m -> m.contains(prefix));

        ris.start();
        waitFor("all " + orders + " orders at the RIS",
                () -> ris.received().stream().filter(m -> m.contains(prefix)).count() >= orders);
        List<Integer> arrived = ris.received().stream().filter(m -> m.contains(prefix))
                .map(m -> {
                    // the run id is base 36 and may itself hold an X: the number ends at the first X after it
                    int number = m.indexOf(prefix) + prefix.length();
                    return Integer.parseInt(m.substring(number, m.indexOf("X", number)));
                })
                .toList();
        assertThat(arrived).as("in the order they were sent, each once").containsExactlyElementsOf(IntStream.range(0, orders).boxed().toList());
    }

    /** county-his is ordered per patient ({@code order = patient} in its endpoint file). */
    @Test
    void aPatientTheHisKeepsRefusingHoldsUpOnlyThatPatientAndTheirUpdateWaitsForTheirRegistration() throws Exception {
        String stuck = "PS" + RUN;
        countyHis.answer(message -> FakeMllpEndpoint.Answer.ack(message.contains(stuck) ? "AE" : "AA", FakeMllpEndpoint.controlId(message)));
        byte[] registration = InboundIT.sample("adt_a04_township_registration_gb18030.hl7");
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            for (String[] m : new String[][] {{stuck, "ADT^A04"}, {stuck, "ADT^A08"}, {"PB" + RUN, "ADT^A04"}, {"PC" + RUN, "ADT^A04"}}) {
                String text = new String(InboundIT.withControlId(registration, m[0] + m[1].substring(4)), ISO_8859_1)
                        .replace("KHZ0012345", m[0]).replace("ADT^A04^", m[1] + "^").replace("EVN|A04", "EVN|" + m[1].substring(4));
                assertThat(MllpPeer.msa(his.send(text.getBytes(ISO_8859_1), GB18030))).startsWith("AA|");
            }
        }
        waitFor("the two other patients' registrations", () -> countyHis.received().stream()
                .filter(m -> m.contains("PB" + RUN) || m.contains("PC" + RUN)).count() >= 2);
        assertThat(countyHis.received()).as("the refused patient's update waits for their registration")
                .filteredOn(m -> m.contains(stuck)).allMatch(m -> m.contains("ADT^A04"));

        countyHis.answer(message -> FakeMllpEndpoint.Answer.ack("AA", FakeMllpEndpoint.controlId(message)));
        waitFor("the refused patient's update", () -> countyHis.received().stream().anyMatch(m -> m.contains(stuck) && m.contains("ADT^A08")));
        List<String> stuckPatient = countyHis.received().stream().filter(m -> m.contains(stuck)).map(m -> m.contains("ADT^A08") ? "A08" : "A04").toList();
        assertThat(stuckPatient.subList(0, stuckPatient.size() - 1)).as("registration attempts, then the update once").containsOnly("A04").hasSizeGreaterThan(1);
        assertThat(stuckPatient.get(stuckPatient.size() - 1)).isEqualTo("A08");
    }

    @Test
    void aRejectedDeliveryFailsAtOnceAndIsDeliveredWhenResent() throws Exception {
        ecg.answer(message -> FakeMllpEndpoint.Answer.ack("AR", FakeMllpEndpoint.controlId(message)));
        String controlId = "AR" + RUN;
        send(MllpPeer.TOWNSHIP_PORT, InboundIT.withControlId(InboundIT.sample("orm_o01_ecg_order.hl7"), controlId), UTF_8);

        long messageId = HubHttp.array(http.get("/hub/api/messages?controlId=" + controlId)).getJsonObject(0).getJsonNumber("id").longValue();
        waitFor("the AR recorded", () -> "FAILED".equals(firstDelivery(messageId).getString("status")));
        JsonObject failed = firstDelivery(messageId);
        assertThat(failed.getString("ackCode")).isEqualTo("AR");
        assertThat(failed.getInt("attempts")).isEqualTo(1);

        ecg.answer(message -> FakeMllpEndpoint.Answer.ack("AA", FakeMllpEndpoint.controlId(message)));
        var resent = http.postJson("/hub/api/endpoints/deliveries/" + failed.getJsonNumber("id").longValue() + "/resend", "");
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(200);
        waitFor("the resent delivery delivered", () -> deliveries(messageId).stream()
                .anyMatch(d -> d.asJsonObject().getString("status").equals("DELIVERED")));
        assertThat(HubHttp.array(http.get("/hub/api/endpoints")).stream().map(e -> e.asJsonObject().getString("name")))
                .contains("county-ecg", "county-ris", "township-his.TWN_KHZ");
    }

    @Test
    void failedDeliveriesOfAnEndpointAreResentTogetherOnceEach() throws Exception {
        String since = java.time.Instant.now().minusSeconds(1).toString();
        ecg.answer(message -> FakeMllpEndpoint.Answer.ack("AR", FakeMllpEndpoint.controlId(message)));
        List<Long> messages = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String controlId = "BR" + RUN + i;
            send(MllpPeer.TOWNSHIP_PORT, InboundIT.withControlId(InboundIT.sample("orm_o01_ecg_order.hl7"), controlId), UTF_8);
            messages.add(HubHttp.array(http.get("/hub/api/messages?controlId=" + controlId)).getJsonObject(0).getJsonNumber("id").longValue());
        }
        for (long id : messages) {
            waitFor("the AR recorded", () -> !deliveries(id).isEmpty() && "FAILED".equals(firstDelivery(id).getString("status")));
        }

        ecg.answer(message -> FakeMllpEndpoint.Answer.ack("AA", FakeMllpEndpoint.controlId(message)));
        var bulk = http.postJson("/hub/api/endpoints/county-ecg/resend-failed?from=" + since, "");
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(HubHttp.object(bulk).getInt("resent")).isGreaterThanOrEqualTo(3);
        for (long id : messages) {
            waitFor("message " + id + " delivered after the bulk resend", () -> deliveries(id).stream()
                    .anyMatch(d -> d.asJsonObject().getString("status").equals("DELIVERED")));
        }
        var again = http.postJson("/hub/api/endpoints/county-ecg/resend-failed?from=" + since, "");
        assertThat(HubHttp.object(again).getInt("resent")).as("each failed delivery is resent once").isZero();
        assertThat(http.postJson("/hub/api/endpoints/county-nothing/resend-failed", "").statusCode()).isEqualTo(404);
        assertThat(http.postJson("/hub/api/endpoints/county-ecg/resend-failed?from=yesterday", "").statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownCodeStopsRoutingWithTheReasonAndAMessageNoRouteTakesIsUnrouted() throws Exception {
        String unknown = "UC" + RUN;
        byte[] order = new String(InboundIT.withControlId(InboundIT.sample("orm_o01_ct_chest_order.hl7"), unknown), ISO_8859_1)
                .replace("CT0012^", "CT9999^").getBytes(ISO_8859_1);
        send(MllpPeer.TOWNSHIP_PORT, order, UTF_8);
        String alert = "UR" + RUN;
        send(MllpPeer.COUNTY_PORT, InboundIT.withControlId(InboundIT.sample("adt_a04_ed_stroke_alert.hl7"), alert), UTF_8);

        waitFor("routing of both", () -> !status(unknown).equals("RECEIVED") && !status(alert).equals("RECEIVED"));
        assertThat(status(unknown)).isEqualTo("ROUTING_FAILED");
        long id = HubHttp.array(http.get("/hub/api/messages?controlId=" + unknown)).getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject detail = HubHttp.object(http.get("/hub/api/messages/" + id));
        assertThat(detail.getJsonObject("error").getString("text")).contains("township-exam-codes", "CT9999");
        assertThat(detail.getJsonArray("deliveries")).isEmpty();
        assertThat(status(alert)).isEqualTo("UNROUTED");
    }

    private String status(String controlId) {
        var found = HubHttp.array(http.get("/hub/api/messages?controlId=" + controlId));
        return found.isEmpty() ? "RECEIVED" : found.getJsonObject(0).getString("status");
    }

    private jakarta.json.JsonArray deliveries(long messageId) {
        return HubHttp.object(http.get("/hub/api/messages/" + messageId)).getJsonArray("deliveries");
    }

    private JsonObject firstDelivery(long messageId) {
        var deliveries = deliveries(messageId);
        return deliveries.isEmpty() ? jakarta.json.Json.createObjectBuilder().add("status", "NONE").build() : deliveries.getJsonObject(0);
    }
}
