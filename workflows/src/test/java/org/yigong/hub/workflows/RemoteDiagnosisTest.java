package org.yigong.hub.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code remote-diagnosis} process as the hub drives it: started with the order's variables,
 * then {@code diagnosticReport} and {@code orderCancelled} correlated by business key with
 * {@code correlateAllWithResult}. Timers are fired by executing their jobs.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
        "bpmn/remote-diagnosis.bpmn",
        "dmn/reading-time-limit.dmn",
        "forms/confirm-duplicate-test.form",
        "forms/acknowledge-critical-value.form",
        "forms/escalate-overdue-reading.form",
        "forms/escalate-critical-value.form"})
class RemoteDiagnosisTest {

    private static final String BUSINESS_KEY = "KHZ-RIS-000781@TWN_KHZ";
    private static final Instant ORDERED_AT = Instant.parse("2026-11-20T01:10:00Z");

    private final List<String> withdrawnOrders = new ArrayList<>();
    private long nextMessageId = 9000;

    @BeforeEach
    void standInForTheHubsWithdrawOrderBean() {
        Mocks.register("withdrawOrder", (JavaDelegate) execution -> withdrawnOrders.add(execution.getProcessBusinessKey()));
    }

    @AfterEach
    void resetMocksAndClock() {
        Mocks.reset();
        ClockUtil.reset();
        identityService().clearAuthentication();
    }

    // ---- the order as the hub starts it -------------------------------------------------------

    private static Map<String, Object> chestCt(String priority) {
        Map<String, Object> order = new HashMap<>();
        order.put("messageId", 4411L);
        order.put("placerOrder", "KHZ-RIS-000781");
        order.put("fillerOrder", null);
        order.put("orderingFacility", "TWN_KHZ");
        order.put("orderingDoctor", "张建国");
        order.put("centre", "county-ris");
        order.put("service", "CT-CHEST-PLAIN");
        order.put("serviceName", "胸部CT平扫");
        order.put("serviceCategory", "CT");
        order.put("priority", priority);
        order.put("patientName", "王雪梅");
        order.put("patientMrn", "KHZ0012345");
        order.put("nationalId", "150525196903150428");
        order.put("orderedAt", Date.from(ORDERED_AT));
        return order;
    }

    private static Map<String, Object> potassium() {
        Map<String, Object> order = chestCt("STAT");
        order.put("centre", "county-lis");
        order.put("service", "ELEC");
        order.put("serviceName", "电解质");
        order.put("serviceCategory", "LAB");
        return order;
    }

    private static Map<String, Object> withPriorResult(Map<String, Object> order) {
        order.put("priorResultId", 3107L);
        order.put("priorResultSummary", "胸部CT平扫 · CNTY_GH · 2026-11-12 10:12 · 终审");
        order.put("priorResultAt", Date.from(Instant.parse("2026-11-12T02:12:00Z")));
        return order;
    }

    private ProcessInstance start(Map<String, Object> order) {
        return runtimeService().startProcessInstanceByKey("remote-diagnosis", BUSINESS_KEY, order);
    }

    // ---- messages as the hub correlates them --------------------------------------------------

    private void report(String status, int minutesAfterOrder) {
        report(status, minutesAfterOrder, null);
    }

    /** A report; {@code criticalFindings} not null makes it critical. */
    private void report(String status, int minutesAfterOrder, String criticalFindings) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportStatus", status);
        variables.put("reportMessageId", nextMessageId++);
        variables.put("reportedAt", at(minutesAfterOrder));
        variables.put("critical", criticalFindings != null);
        variables.put("criticalFindings", criticalFindings);
        assertThat(runtimeService().createEventSubscriptionQuery()
                .processInstanceId(processInstanceByKey().getId()).eventName("diagnosticReport").count())
                .as("diagnosticReport catches waiting").isEqualTo(1);
        List<MessageCorrelationResult> results = runtimeService().createMessageCorrelation("diagnosticReport")
                .processInstanceBusinessKey(BUSINESS_KEY).setVariables(variables).correlateAllWithResult();
        assertThat(results).hasSize(1);
    }

    private List<MessageCorrelationResult> cancel() {
        return runtimeService().createMessageCorrelation("orderCancelled")
                .processInstanceBusinessKey(BUSINESS_KEY)
                .setVariable("cancelMessageId", 4500L)
                .setVariable("cancelledAt", at(30))
                .correlateAllWithResult();
    }

    private ProcessInstance processInstanceByKey() {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(BUSINESS_KEY).singleResult();
    }

    private static Date at(int minutesAfterOrder) {
        return Date.from(ORDERED_AT.plus(Duration.ofMinutes(minutesAfterOrder)));
    }

    private static Object variable(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }

    private static long openTasks(ProcessInstance instance) {
        return taskQuery().processInstanceId(instance.getId()).count();
    }

    // ---- reading time limits -------------------------------------------------------------------

    @Test
    void orderGetsItsLimitsFromTheTableAndWaitsForTheReportWithNoTask() {
        ProcessInstance diagnosis = start(chestCt("ROUTINE"));

        assertThat(diagnosis).isWaitingAt("awaitReport")
                .hasPassed("determineReadingTimeLimit", "scheduleReading", "noPriorResult")
                .variables()
                .containsEntry("readingLimitMinutes", 480)
                .containsEntry("escalateAfterMinutes", 384)
                .containsEntry("criticalAckLimitMinutes", 15)
                .containsEntry("readingDueAt", at(480))
                .containsEntry("escalateReadingAt", at(384));
        assertThat(openTasks(diagnosis)).isZero();
        assertThat(job("escalationTimeReached", diagnosis).getDuedate()).isEqualTo(at(384));
        assertThat(job("readingLimitReached", diagnosis).getDuedate()).isEqualTo(at(480));
    }

    private static DmnDecisionResultEntries readingTimeLimit(Map<String, Object> order) {
        return decisionService().evaluateDecisionByKey("reading-time-limit").variables(order).evaluate().getSingleResult();
    }

    @ParameterizedTest(name = "{0} {1} {2}: report within {3} min, escalate after {4}, acknowledge within {5}")
    @CsvSource({
            "ECG, ECG-12LEAD,     STAT,    5,    4,    10",
            "ECG, ECG-12LEAD,     ROUTINE, 30,   24,   15",
            "ECG, ECG-HOLTER-24H, STAT,    1440, 1152, 15",
            "LAB, ELEC,           STAT,    30,   24,   10",
            "LAB, CBC,            STAT,    60,   48,   10",
            "LAB, CBC,            ROUTINE, 240,  192,  15",
            "CT,  CT-CHEST-PLAIN, STAT,    30,   24,   10",
            "CT,  CT-CHEST-PLAIN, ASAP,    60,   48,   15",
            "DR,  DR-CHEST-PA,    ROUTINE, 480,  384,  15",
            "MR,  MR-HEAD-DWI,    STAT,    60,   48,   10",
            "US,  US-ABD,         ROUTINE, 120,  96,   15",
            "OTHER, PATH-BIOPSY,  ROUTINE, 1440, 1152, 15"})
    void readingTimeLimitTable(String category, String service, String priority,
            int limit, int escalateAfter, int criticalAck) {
        DmnDecisionResultEntries row = readingTimeLimit(
                Map.of("serviceCategory", category, "service", service, "priority", priority));

        assertThat(row).containsEntry("readingLimitMinutes", limit)
                .containsEntry("escalateAfterMinutes", escalateAfter)
                .containsEntry("criticalAckMinutes", criticalAck);
        assertThat(escalateAfter).isLessThan(limit);
    }

    @Test
    void readingTimeLimitTableHasAnAnswerWhenTheServiceCodeIsMissing() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("serviceCategory", "CT");
        variables.put("service", null);
        variables.put("priority", "STAT");

        assertThat(readingTimeLimit(variables)).containsEntry("readingLimitMinutes", 30);
    }

    // ---- reports --------------------------------------------------------------------------------

    @Test
    void finalReportIsRecordedThenCorrectionsAreAwaitedForSevenDays() {
        ProcessInstance diagnosis = start(chestCt("ROUTINE"));

        report("F", 42);

        assertThat(diagnosis).isWaitingAt("awaitCorrection").hasPassed("recordFinal", "finalReceived")
                .hasNotPassed("recordPreliminary")
                .variables()
                .containsEntry("finalAt", at(42))
                .containsEntry("turnaroundMinutes", 42L)
                .containsEntry("outcome", "reported")
                .doesNotContainKeys("limitMissed", "preliminaryAt");
        assertThat(jobQuery().processInstanceId(diagnosis.getId()).activityId("escalationTimeReached").count()).isZero();
        assertThat(jobQuery().processInstanceId(diagnosis.getId()).activityId("readingLimitReached").count()).isZero();
        Job windowClosing = job("correctionWindowClosed", diagnosis);
        assertThat(Duration.between(Instant.now(), windowClosing.getDuedate().toInstant()))
                .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));

        execute(windowClosing);

        assertThat(diagnosis).isEnded().hasPassed("diagnosisClosed");
        assertThat(variable(diagnosis, "outcome")).isEqualTo("reported");
    }

    @Test
    void preliminaryReportIsRecordedAndTheFinalStillAwaited() {
        ProcessInstance diagnosis = start(chestCt("ROUTINE"));

        report("P", 20);

        assertThat(diagnosis).isWaitingAt("awaitReport").hasPassed("recordPreliminary")
                .variables().containsEntry("preliminaryAt", at(20)).doesNotContainKeys("finalAt", "outcome");

        report("P", 25);
        assertThat(diagnosis).variables().containsEntry("preliminaryAt", at(20));

        report("F", 50);
        assertThat(diagnosis).isWaitingAt("awaitCorrection").variables()
                .containsEntry("preliminaryAt", at(20))
                .containsEntry("finalAt", at(50))
                .containsEntry("turnaroundMinutes", 50L)
                .containsEntry("outcome", "reported");
    }

    @Test
    void correctionsAfterTheFinalAreCountedAndRecheckedForCriticalValues() {
        ProcessInstance diagnosis = start(chestCt("ROUTINE"));
        report("F", 42);

        report("C", 200);
        assertThat(diagnosis).isWaitingAt("awaitCorrection").variables()
                .containsEntry("corrected", true)
                .containsEntry("correctedAt", at(200))
                .containsEntry("correctionCount", 1)
                .containsEntry("finalAt", at(42));
        assertThat(openTasks(diagnosis)).isZero();

        report("F", 210);
        assertThat(diagnosis).variables().containsEntry("correctionCount", 1).containsEntry("correctedAt", at(200));

        report("C", 300, "右肺上叶新发张力性气胸 new tension pneumothorax, right upper lobe");
        assertThat(diagnosis).isWaitingAt("awaitCorrection", "acknowledgeCriticalValue").variables()
                .containsEntry("correctionCount", 2)
                .containsEntry("correctedAt", at(300));
        assertThat(task("acknowledgeCriticalValue", diagnosis)).hasCandidateGroup("doctors-TWN_KHZ");

        execute(job("correctionWindowClosed", diagnosis));
        assertThat(diagnosis).as("an open critical value keeps the record open").isNotEnded()
                .hasPassed("diagnosisClosed").isWaitingAt("acknowledgeCriticalValue");

        complete(task("acknowledgeCriticalValue", diagnosis),
                withVariables("criticalAcknowledged", true, "criticalAckNote", "已电话召回患者"));
        assertThat(diagnosis).isEnded();
    }

    // ---- reading time limit escalation --------------------------------------------------------

    @Test
    void finalBeforeTheEscalationTimeLeavesNoEscalation() {
        ProcessInstance diagnosis = start(chestCt("STAT"));

        report("F", 12);

        assertThat(openTasks(diagnosis)).isZero();
        assertThat(jobQuery().processInstanceId(diagnosis.getId()).timers().list())
                .extracting(Job::getId).containsExactly(job("correctionWindowClosed", diagnosis).getId());
        assertThat(diagnosis).variables().doesNotContainKeys("limitMissed", "escalateOverdueReadingAt");
    }

    @Test
    void overdueReadingGoesToTheDutyDoctorAndAMissedLimitIsRecordedButTheReportStillAccepted() {
        ProcessInstance diagnosis = start(chestCt("STAT"));
        assertThat(diagnosis).variables().containsEntry("readingDueAt", at(30)).containsEntry("escalateReadingAt", at(24));

        execute(job("escalationTimeReached", diagnosis));

        assertThat(diagnosis).isWaitingAt("awaitReport", "escalateOverdueReading");
        assertThat(task("escalateOverdueReading", diagnosis))
                .hasCandidateGroup("duty-county-ris").hasDueDate(at(30));
        assertThat(diagnosis).variables().doesNotContainKey("limitMissed");

        execute(job("readingLimitReached", diagnosis));

        assertThat(diagnosis).variables().containsEntry("limitMissed", true).containsEntry("limitMissedAt", at(30));
        assertThat(diagnosis).isWaitingAt("awaitReport", "escalateOverdueReading");

        report("P", 33);
        complete(claim(task("escalateOverdueReading", diagnosis), "dr.zhao"),
                withVariables("readingEscalationNote", "已安排李医生阅片 reader assigned"));
        assertThat(diagnosis).variables().containsEntry("escalateOverdueReadingBy", "dr.zhao")
                .containsKey("escalateOverdueReadingAt");

        report("F", 41);

        assertThat(diagnosis).isWaitingAt("awaitCorrection").variables()
                .containsEntry("outcome", "reported")
                .containsEntry("turnaroundMinutes", 41L)
                .containsEntry("limitMissed", true);
    }

    @Test
    void finalReportClosesAnOverdueEscalationStillOpen() {
        ProcessInstance diagnosis = start(chestCt("STAT"));
        execute(job("escalationTimeReached", diagnosis));
        assertThat(openTasks(diagnosis)).isEqualTo(1);

        report("F", 28);

        assertThat(diagnosis).isWaitingAt("awaitCorrection");
        assertThat(openTasks(diagnosis)).isZero();
        assertThat(jobQuery().processInstanceId(diagnosis.getId()).activityId("readingLimitReached").count()).isZero();
    }

    // ---- critical values ------------------------------------------------------------------------

    @Test
    void criticalValueInAPreliminaryIsAcknowledgedByATownshipDoctorWhileReportsKeepComing() {
        ProcessInstance diagnosis = start(potassium());
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofMinutes(7))));
        report("P", 18, "K 6.9 mmol/L (HH)");
        ClockUtil.reset();

        assertThat(diagnosis).isWaitingAt("awaitReport", "acknowledgeCriticalValue")
                .variables().containsKey("criticalAt");
        Task acknowledgement = task("acknowledgeCriticalValue", diagnosis);
        assertThat(acknowledgement).hasCandidateGroup("doctors-TWN_KHZ")
                .hasDueDate((Date) taskService().getVariable(acknowledgement.getId(), "criticalAckDueAt"));
        assertThat(taskService().getVariables(acknowledgement.getId()))
                .containsEntry("criticalFindings", "K 6.9 mmol/L (HH)")
                .containsEntry("criticalReportStatus", "P")
                .containsEntry("patientName", "王雪梅")
                .containsEntry("readingDueAt", at(30));

        report("F", 26);
        assertThat(diagnosis).isWaitingAt("awaitCorrection", "acknowledgeCriticalValue")
                .variables().containsEntry("outcome", "reported");
        assertThat(taskService().getVariable(acknowledgement.getId(), "criticalFindings"))
                .as("the value being acknowledged, not the latest report's").isEqualTo("K 6.9 mmol/L (HH)");

        complete(claim(acknowledgement, "dr.wang"),
                withVariables("criticalAcknowledged", true, "criticalAckNote", "已通知患者返院复查"));

        assertThat(diagnosis).isWaitingAt("awaitCorrection").variables()
                .containsEntry("criticalAcknowledgedBy", "dr.wang")
                .containsEntry("acknowledgeCriticalValueBy", "dr.wang")
                .containsEntry("criticalAckMinutes", 7L)
                .containsKeys("criticalAcknowledgedAt", "acknowledgeCriticalValueAt")
                .doesNotContainKey("criticalEscalated");
        assertThat(jobQuery().processInstanceId(diagnosis.getId()).activityId("criticalAckOverdue").count()).isZero();
    }

    @Test
    void unacknowledgedCriticalValueGoesToTheCentresDutyDoctorUntilATownshipDoctorAcknowledges() {
        ProcessInstance diagnosis = start(potassium());
        report("F", 22, "K 6.9 mmol/L (HH)");
        Task acknowledgement = task("acknowledgeCriticalValue", diagnosis);
        Job overdue = job("criticalAckOverdue", diagnosis);
        assertThat(overdue.getDuedate()).isEqualTo(acknowledgement.getDueDate());
        assertThat(Duration.between(Instant.now(), overdue.getDuedate().toInstant()))
                .as("LAB STAT: 10 minutes to acknowledge").isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));

        execute(overdue);

        assertThat(diagnosis).isWaitingAt("awaitCorrection", "acknowledgeCriticalValue", "escalateCriticalValue")
                .variables().containsEntry("criticalEscalated", true).containsKey("criticalEscalatedAt");
        Task escalation = task("escalateCriticalValue", diagnosis);
        assertThat(escalation).hasCandidateGroup("duty-county-lis").hasDueDate(acknowledgement.getDueDate());
        assertThat(taskService().getVariable(escalation.getId(), "criticalFindings")).isEqualTo("K 6.9 mmol/L (HH)");

        identityService().setAuthenticatedUserId("dr.chen");
        complete(escalation, withVariables("criticalEscalationNote", "10:40 电话联系开化镇卫生院张医生"));
        identityService().clearAuthentication();
        assertThat(diagnosis).variables().containsEntry("escalateCriticalValueBy", "dr.chen");
        assertThat(diagnosis).isWaitingAt("awaitCorrection", "acknowledgeCriticalValue");

        complete(claim(acknowledgement, "dr.wang"), withVariables("criticalAcknowledged", true, "criticalAckNote", "已处理"));
        assertThat(diagnosis).isWaitingAt("awaitCorrection").variables()
                .containsEntry("criticalAcknowledgedBy", "dr.wang").containsEntry("criticalEscalated", true);
    }

    @Test
    void acknowledgementClosesAnEscalationStillOpen() {
        ProcessInstance diagnosis = start(potassium());
        report("F", 22, "K 6.9 mmol/L (HH)");
        execute(job("criticalAckOverdue", diagnosis));
        assertThat(openTasks(diagnosis)).isEqualTo(2);

        complete(claim(task("acknowledgeCriticalValue", diagnosis), "dr.wang"),
                withVariables("criticalAcknowledged", true, "criticalAckNote", "已处理"));

        assertThat(openTasks(diagnosis)).isZero();
        assertThat(diagnosis).isWaitingAt("awaitCorrection").hasNotPassed("criticalValueEscalated");
    }

    // ---- cancellation ---------------------------------------------------------------------------

    @Test
    void cancellationEndsTheProcess() {
        ProcessInstance diagnosis = start(chestCt("ROUTINE"));

        assertThat(cancel()).hasSize(1);

        assertThat(diagnosis).isEnded().hasPassed("recordCancellation", "diagnosisCancelled").hasNotPassed("recordFinal");
        assertThat(variable(diagnosis, "outcome")).isEqualTo("cancelled");
        assertThat(variable(diagnosis, "cancelledAt")).isEqualTo(at(30));
        assertThat(jobQuery().processInstanceId(diagnosis.getId()).count()).isZero();
    }

    @Test
    void cancellationRemovesEveryOpenTask() {
        ProcessInstance diagnosis = start(withPriorResult(chestCt("STAT")));
        report("P", 20, "主动脉夹层可能 possible aortic dissection");
        execute(job("escalationTimeReached", diagnosis));
        assertThat(taskQuery().processInstanceId(diagnosis.getId()).list()).extracting(Task::getTaskDefinitionKey)
                .containsExactlyInAnyOrder("confirmDuplicateTest", "acknowledgeCriticalValue", "escalateOverdueReading");

        assertThat(cancel()).hasSize(1);

        assertThat(diagnosis).isEnded().hasPassed("diagnosisCancelled");
        assertThat(openTasks(diagnosis)).isZero();
        assertThat(variable(diagnosis, "outcome")).isEqualTo("cancelled");
        assertThat(withdrawnOrders).as("the hub has already forwarded the township's cancellation").isEmpty();
    }

    // ---- duplicate test -------------------------------------------------------------------------

    @Test
    void duplicateTestTheDoctorLetsProceedIsReadAsUsual() {
        ProcessInstance diagnosis = start(withPriorResult(chestCt("ROUTINE")));

        assertThat(diagnosis).isWaitingAt("awaitReport", "confirmDuplicateTest");
        Task confirmation = task("confirmDuplicateTest", diagnosis);
        assertThat(confirmation).hasCandidateGroup("doctors-TWN_KHZ").hasDueDate(at(480));
        assertThat(taskService().getVariables(confirmation.getId()))
                .containsEntry("priorResultSummary", "胸部CT平扫 · CNTY_GH · 2026-11-12 10:12 · 终审");

        report("P", 30);
        assertThat(diagnosis).isWaitingAt("awaitReport", "confirmDuplicateTest");

        complete(claim(confirmation, "dr.zhang"),
                withVariables("duplicateDecision", "proceed", "duplicateNote", "症状加重,需复查"));

        assertThat(diagnosis).isWaitingAt("awaitReport").hasPassed("duplicateConfirmed").hasNotPassed("withdrawOrder")
                .variables().containsEntry("confirmDuplicateTestBy", "dr.zhang").containsKey("confirmDuplicateTestAt");
        report("F", 60);
        assertThat(diagnosis).isWaitingAt("awaitCorrection").variables().containsEntry("outcome", "reported");
        assertThat(withdrawnOrders).isEmpty();
    }

    @Test
    void duplicateTestTheDoctorWithdrawsIsCancelledAtTheCentreAndEnds() {
        ProcessInstance diagnosis = start(withPriorResult(chestCt("ROUTINE")));

        complete(claim(task("confirmDuplicateTest", diagnosis), "dr.zhang"), withVariables("duplicateDecision", "withdraw"));

        assertThat(diagnosis).as("withdrawal waits for the job executor, outside the doctor's transaction")
                .isWaitingAt("withdrawOrder");
        assertThat(withdrawnOrders).isEmpty();

        execute(job("withdrawOrder", diagnosis));

        assertThat(withdrawnOrders).containsExactly(BUSINESS_KEY);
        assertThat(diagnosis).isEnded().hasPassed("orderWithdrawn", "readingWithdrawn", "diagnosisWithdrawn")
                .hasNotPassed("recordFinal");
        assertThat(variable(diagnosis, "outcome")).isEqualTo("withdrawn");
        assertThat(variable(diagnosis, "withdrawnAt")).isNotNull();
        assertThat(variable(diagnosis, "confirmDuplicateTestBy")).isEqualTo("dr.zhang");
    }

    @Test
    void withdrawalTheCentreDoesNotTakeIsRetried() {
        Mocks.register("withdrawOrder", (JavaDelegate) execution -> {
            throw new IllegalStateException("county-ris unreachable");
        });
        ProcessInstance diagnosis = start(withPriorResult(chestCt("ROUTINE")));
        complete(task("confirmDuplicateTest", diagnosis), withVariables("duplicateDecision", "withdraw"));
        Job withdrawal = job("withdrawOrder", diagnosis);

        assertThatThrownBy(() -> managementService().executeJob(withdrawal.getId())).hasMessageContaining("unreachable");

        Job retried = job("withdrawOrder", diagnosis);
        assertThat(retried.getRetries()).isEqualTo(4);
        assertThat(retried.getDuedate()).isAfter(new Date());
        assertThat(diagnosis).isWaitingAt("withdrawOrder", "awaitReport");
    }

    @Test
    void finalReportMakesAnOpenDuplicateQuestionMoot() {
        ProcessInstance diagnosis = start(withPriorResult(chestCt("ROUTINE")));

        report("F", 45);

        assertThat(diagnosis).isWaitingAt("awaitCorrection").hasNotPassed("duplicateConfirmed", "withdrawOrder");
        assertThat(openTasks(diagnosis)).isZero();
    }

    /** Withdrawing sends a cancellation to the centre, so an answer that is neither is taken as neither. */
    @Test
    void duplicateDecisionMustBeProceedOrWithdraw() {
        ProcessInstance diagnosis = start(withPriorResult(chestCt("ROUTINE")));
        Task confirmation = task("confirmDuplicateTest", diagnosis);

        assertThatThrownBy(() -> taskService().complete(confirmation.getId(), withVariables("duplicateDecision", "maybe")))
                .hasMessageContaining("duplicateDecisionGateway");

        assertThat(diagnosis).isWaitingAt("confirmDuplicateTest");
        assertThat(withdrawnOrders).isEmpty();
    }
}
