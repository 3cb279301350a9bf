package org.yigong.hub.workflows;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {
        "bpmn/township-onboarding.bpmn",
        "forms/onboarding-request.form",
        "forms/configure-channel.form",
        "forms/verify-test-traffic.form",
        "forms/approve-go-live.form"})
class TownshipOnboardingTest {

    private ProcessInstance requestOnboarding() {
        return runtimeService().startProcessInstanceByKey("township-onboarding",
                Map.of("facilityCode", "TWN-KHZ", "facilityName", "开化镇卫生院"));
    }

    @Test
    void townshipGoesLiveWhenTestTrafficPassesAndAdminApproves() {
        ProcessInstance onboarding = requestOnboarding();

        assertThat(onboarding).isWaitingAt("configureChannel");
        assertThat(task(onboarding)).hasCandidateGroup("hub-admin");
        complete(task(onboarding), withVariables("channelNotes", "township-his channel, TWN-KHZ code table"));

        assertThat(onboarding).isWaitingAt("verifyTestTraffic");
        assertThat(task(onboarding)).hasCandidateGroup("hub-operator");
        complete(task(onboarding), withVariables("testPassed", true, "testNotes", "12 messages AA"));

        assertThat(onboarding).isWaitingAt("approveGoLive");
        assertThat(task(onboarding)).hasCandidateGroup("hub-admin");
        complete(task(onboarding), withVariables("goLiveApproved", true));

        assertThat(onboarding).isEnded().hasPassedInOrder(
                "configureChannel", "verifyTestTraffic", "testTrafficPassedGateway", "approveGoLive", "townshipLive");
    }

    @Test
    void failedTestTrafficGoesBackToConfigurationUntilItPasses() {
        ProcessInstance onboarding = requestOnboarding();
        complete(task(onboarding), withVariables("channelNotes", "first attempt"));

        complete(task(onboarding), withVariables("testPassed", false, "testNotes", "PID-3 authority missing"));

        assertThat(onboarding).isWaitingAt("configureChannel").hasNotPassed("approveGoLive");
        assertThat(onboarding).variables().containsEntry("testNotes", "PID-3 authority missing");

        complete(task(onboarding), withVariables("channelNotes", "authority mapped"));
        complete(task(onboarding), withVariables("testPassed", true));
        assertThat(onboarding).isWaitingAt("approveGoLive");
    }
}
