package org.yigong.hub.it;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
 * 基层检查、上级诊断、结果互认 end to end: a township's CT order arrives over MLLP, reaches a fake
 * county RIS and starts remote-diagnosis; the RIS's report comes back over MLLP, reaches the
 * township's fake HIS, moves the process, is indexed, and is found by the REST API and by an
 * HL7 query; the clinician's tasks are worked through the engine REST API as Tasklist does.
 * Every test uses patients and orders of its own, so none depends on another.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RemoteDiagnosisIT {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String RUN = Long.toString(System.nanoTime() % 10_000_000L, 36).toUpperCase();
    private static final AtomicInteger PATIENTS = new AtomicInteger();

    @RegisterExtension
    final FakeMllpEndpoint ris = new FakeMllpEndpoint(3102 + HubHttp.PORT_OFFSET);
    @RegisterExtension
    final FakeMllpEndpoint township = new FakeMllpEndpoint(3111 + HubHttp.PORT_OFFSET, GB18030);

    private final HubHttp demo = new HubHttp().as("demo", "demo");
    private final HubHttp townshipDoctor = new HubHttp().as("dr.liu", "demo");

    @Deployment(testable = false)
    static EnterpriseArchive hub() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("hub.ear")));
    }

    /** A patient of this run: an MRN of TWN_KHZ and a national ID no other test uses. */
    record Patient(String mrn, String nationalId) {
        static Patient next() {
            int n = PATIENTS.incrementAndGet();
            String digits = String.format("%08d", Math.floorMod((RUN + n).hashCode(), 100_000_000));
            return new Patient("RD" + RUN + n, "1505251969" + digits);
        }

        String of(String sample) {
            return sample.replace("KHZ0012345", mrn).replace("150525196903150428", nationalId);
        }
    }

    private static String text(String sample) {
        return new String(InboundIT.sample(sample), ISO_8859_1);
    }

    private static String order(Patient patient, String placer) {
        return patient.of(text("orm_o01_ct_chest_order.hl7")).replace("KHZ-RIS-000781", placer)
                .replace("KHZ20261020000102", "O" + placer);
    }

    /** The county's CT report on the order; {@code critical} flags the conclusion AA (a critical finding). */
    private static String report(Patient patient, String placer, boolean critical) {
        String report = patient.of(text("oru_r01_ct_report.hl7")).replace("KHZ-RIS-000781", placer)
                .replace("A20261020-0193", "F" + placer).replace("RIS20261020004411", "R" + placer);
        if (critical) {
            // ISO-8859-1 round trip keeps the UTF-8 bytes of the Chinese text as they are
            String finding = new String("右肺动脉主干充盈缺损，考虑急性肺动脉栓塞。".getBytes(UTF_8), ISO_8859_1);
            report = report.replaceAll("(OBX\\|2\\|TX\\|CONC\\^[^|]*\\|\\|)[^|]*\\|\\|\\|\\|", "$1" + finding + "|||AA|");
        }
        return report;
    }

    private static void send(int port, String message) {
        try (var his = new MllpPeer(port)) {
            assertThat(MllpPeer.msa(his.send(message.getBytes(ISO_8859_1), UTF_8))).startsWith("AA|");
        }
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(giveUp);
            Thread.sleep(100);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }

    private JsonArray processes(String businessKey) {
        return HubHttp.array(demo.get("/engine-rest/history/process-instance?processDefinitionKey=remote-diagnosis&processInstanceBusinessKey="
                + encode(businessKey)));
    }

    private JsonArray tasks(HubHttp as, String businessKey, String taskKey) {
        return HubHttp.array(as.get("/engine-rest/task?processInstanceBusinessKey=" + encode(businessKey) + "&taskDefinitionKey=" + taskKey));
    }

    private JsonValue variable(String processInstanceId, String name) {
        JsonArray found = HubHttp.array(demo.get("/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId
                + "&variableName=" + name));
        return found.isEmpty() ? JsonValue.NULL : found.getJsonObject(0).get("value");
    }

    /** Claims and completes a task as a clinician does in Tasklist, with the form's fields. */
    private void complete(HubHttp as, String taskId, String user, String variablesJson) {
        var claim = as.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
        var done = as.postJson("/engine-rest/task/" + taskId + "/complete", "{\"variables\":" + variablesJson + "}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    private void assertOfferedTo(String taskId, String group) {
        JsonArray links = HubHttp.array(demo.get("/engine-rest/task/" + taskId + "/identity-links?type=candidate"));
        assertThat(links).extracting(l -> l.asJsonObject().getString("groupId", "")).contains(group);
    }

    @Test
    void aCriticalCtReportReachesTheTownshipIsIndexedQueryableAndAcknowledgedByTheOrderingDoctor() throws Exception {
        Patient patient = Patient.next();
        String placer = "CT" + RUN + "A";
        String key = placer + "@TWN_KHZ";

        send(MllpPeer.TOWNSHIP_PORT, order(patient, placer));
        waitFor("the order at the county RIS", () -> ris.received().stream().anyMatch(m -> m.contains(placer)));
        assertThat(ris.received().stream().filter(m -> m.contains(placer)).findFirst().orElseThrow())
                .contains("CT-CHEST-PLAIN^胸部CT平扫^CNTY_RIS");
        waitFor("the process of the order", () -> !processes(key).isEmpty());
        JsonObject process = processes(key).getJsonObject(0);
        String processId = process.getString("id");
        assertThat(variable(processId, "service").toString()).isEqualTo("\"CT-CHEST-PLAIN\"");
        assertThat(variable(processId, "readingDueAt")).isNotEqualTo(JsonValue.NULL);

        send(MllpPeer.COUNTY_PORT, report(patient, placer, true));
        waitFor("the report at the township's HIS", () -> township.received().stream().anyMatch(m -> m.contains(placer)));
        assertThat(township.received().stream().filter(m -> m.contains(placer)).findFirst().orElseThrow()).contains("肺动脉栓塞");

        waitFor("the critical-value task", () -> !tasks(demo, key, "acknowledgeCriticalValue").isEmpty());
        String taskId = tasks(demo, key, "acknowledgeCriticalValue").getJsonObject(0).getString("id");
        assertOfferedTo(taskId, "doctors-TWN_KHZ");
        assertThat(tasks(townshipDoctor, key, "acknowledgeCriticalValue")).as("the township doctor sees it in Tasklist").hasSize(1);
        assertThat(variable(processId, "finalAt")).isNotEqualTo(JsonValue.NULL);

        complete(townshipDoctor, taskId, "dr.liu",
                "{\"criticalAcknowledged\":{\"value\":true,\"type\":\"Boolean\"},\"criticalAckNote\":{\"value\":\"已电话通知患者急诊就诊\",\"type\":\"String\"}}");
        assertThat(variable(processId, "criticalAcknowledgedBy").toString()).isEqualTo("\"dr.liu\"");
        assertThat(variable(processId, "criticalAckMinutes")).isNotEqualTo(JsonValue.NULL);
        assertThat(variable(processId, "outcome").toString()).isEqualTo("\"reported\"");

        JsonArray results = HubHttp.array(demo.get("/hub/api/patients/" + patient.mrn() + "@TWN_KHZ/results"));
        assertThat(results).hasSize(1);
        JsonObject result = results.getJsonObject(0);
        assertThat(result.getJsonObject("service").getString("code")).isEqualTo("CT-CHEST-PLAIN");
        assertThat(result.getBoolean("critical")).isTrue();
        assertThat(result.getString("status")).isEqualTo("F");
        assertThat(HubHttp.array(demo.get("/hub/api/patients/" + patient.nationalId() + "/results"))).hasSize(1);

        String query = "MSH|^~\\&|TWN_HIS|TWN_KHZ|YIGONG_HUB|CNTY_GH|20261022090000||QBP^Q11^QBP_Q11|Q" + placer + "|P|2.5.1\r"
                + "QPD|YG_RESULTS^结果互认查询^YIGONG|T" + placer + "|" + patient.nationalId() + "^^^CHN^NI\r"
                + "RCP|I|10^RD\r";
        String answer;
        try (var his = new MllpPeer(MllpPeer.TOWNSHIP_PORT)) {
            answer = his.send(query.getBytes(UTF_8), UTF_8);
        }
        assertThat(answer).contains("RSP^K11").contains("MSA|AA|Q" + placer).contains("QAK|T" + placer + "|OK|")
                .contains("CT-CHEST-PLAIN^胸部CT平扫").contains("肺动脉栓塞");
        JsonArray audit = HubHttp.array(demo.get("/hub/api/audit?subjectType=patient&subjectId=" + patient.nationalId()));
        assertThat(audit).extracting(a -> a.asJsonObject().getString("actor")).contains("hl7:TWN_HIS@TWN_KHZ", "demo");

        JsonObject ris = HubHttp.object(demo.get("/hub/api/metrics/remote-diagnosis")).getJsonArray("centres").stream()
                .map(JsonValue::asJsonObject).filter(c -> c.getString("centre").equals("county-ris")).findFirst().orElseThrow();
        assertThat(ris.getInt("reported")).isPositive();
        assertThat(ris.getInt("criticalValues")).isPositive();
        assertThat(ris.getJsonObject("criticalAckMinutes").getInt("count")).isPositive();
        assertThat(ris.getJsonObject("turnaroundMinutes").getInt("count")).isPositive();
        assertThat(ris.getJsonObject("turnaroundMinutes").getInt("median")).as("order and report on one clock").isNotNegative();
    }

    @Test
    void anOrderForARecognisedResultAsksTheDoctorAndAWithdrawalCancelsItAtTheCentre() throws Exception {
        Patient patient = Patient.next();
        String first = "CT" + RUN + "B";
        send(MllpPeer.TOWNSHIP_PORT, order(patient, first));
        waitFor("the first order at the RIS", () -> ris.received().stream().anyMatch(m -> m.contains(first)));
        send(MllpPeer.COUNTY_PORT, report(patient, first, false));
        waitFor("the first result indexed", () -> !HubHttp.array(demo.get("/hub/api/patients/" + patient.nationalId() + "/results")).isEmpty());

        String second = "CT" + RUN + "C";
        String key = second + "@TWN_KHZ";
        send(MllpPeer.TOWNSHIP_PORT, order(patient, second));
        waitFor("the duplicate-test question", () -> !tasks(demo, key, "confirmDuplicateTest").isEmpty());
        String processId = processes(key).getJsonObject(0).getString("id");
        assertThat(variable(processId, "priorResultSummary").toString()).contains("胸部CT平扫").contains("CNTY_GH");
        String taskId = tasks(demo, key, "confirmDuplicateTest").getJsonObject(0).getString("id");
        assertOfferedTo(taskId, "doctors-TWN_KHZ");

        complete(townshipDoctor, taskId, "dr.liu", "{\"duplicateDecision\":{\"value\":\"withdraw\",\"type\":\"String\"}}");
        waitFor("the cancellation at the RIS", () -> ris.received().stream().anyMatch(m -> m.contains(second) && m.contains("ORC|CA|")));
        waitFor("the process ended as withdrawn", () -> "COMPLETED".equals(processes(key).getJsonObject(0).getString("state")));
        assertThat(variable(processId, "outcome").toString()).isEqualTo("\"withdrawn\"");
        assertThat(variable(processId, "confirmDuplicateTestBy").toString()).isEqualTo("\"dr.liu\"");
    }

    @Test
    void aCancelledOrderIsForwardedAndEndsItsProcess() throws Exception {
        Patient patient = Patient.next();
        String placer = "CT" + RUN + "D";
        String key = placer + "@TWN_KHZ";
        send(MllpPeer.TOWNSHIP_PORT, order(patient, placer));
        waitFor("the process of the order", () -> !processes(key).isEmpty());

        send(MllpPeer.TOWNSHIP_PORT, order(patient, placer).replace("ORC|NW|", "ORC|CA|").replace("|O" + placer + "|", "|X" + placer + "|"));
        waitFor("the cancellation at the RIS", () -> ris.received().stream().anyMatch(m -> m.contains(placer) && m.contains("ORC|CA|")));
        waitFor("the process ended", () -> "COMPLETED".equals(processes(key).getJsonObject(0).getString("state")));
        assertThat(variable(processes(key).getJsonObject(0).getString("id"), "outcome").toString()).isEqualTo("\"cancelled\"");
        assertThat(processes(key)).as("one process per order").hasSize(1);
    }

    @Test
    void pausedHandOversLetTheOrderThroughAndStartItsProcessOnResume() throws Exception {
        Patient patient = Patient.next();
        String placer = "CT" + RUN + "E";
        String key = placer + "@TWN_KHZ";
        assertThat(demo.postJson("/hub/api/workflows/pause", "").statusCode()).isEqualTo(200);
        try {
            send(MllpPeer.TOWNSHIP_PORT, order(patient, placer));
            waitFor("the order at the RIS while hand-overs are paused", () -> ris.received().stream().anyMatch(m -> m.contains(placer)));
            JsonObject paused = HubHttp.object(demo.get("/hub/api/workflows"));
            assertThat(paused.getBoolean("paused")).isTrue();
            assertThat(paused.getInt("pending")).isPositive();
            assertThat(processes(key)).isEmpty();
        } finally {
            assertThat(demo.postJson("/hub/api/workflows/resume", "").statusCode()).isEqualTo(200);
        }
        waitFor("the process once resumed", () -> !processes(key).isEmpty());
        assertThat(HubHttp.object(demo.get("/hub/api/workflows")).getBoolean("paused")).isFalse();
    }
}
