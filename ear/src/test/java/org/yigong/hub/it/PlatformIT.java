package org.yigong.hub.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.BpmPlatform;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yigong.hub.audit.control.AuditTrail;
import org.yigong.hub.audit.entity.AuditAction;
import org.yigong.hub.audit.entity.AuditEvent;
import org.yigong.hub.platform.HubRole;

/**
 * The hub's platform from inside the server: HubDS and the migrated schema, JPA, the process
 * engine with its registration, job executor, process application, authorizations and filters.
 *
 * <p>Runs in a test EAR made of the real EAR's libraries and EJB modules plus one test WAR
 * (an EAR with several WARs cannot be enriched by Arquillian).
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @org.jboss.arquillian.container.test.api.Deployment
    static EnterpriseArchive platform() {
        EnterpriseArchive hub = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("hub.ear")));
        EnterpriseArchive ear = ShrinkWrap.create(EnterpriseArchive.class, "hub-platform-it.ear");
        hub.getContent().forEach((ArchivePath path, Node node) -> {
            String name = path.get();
            if (node.getAsset() != null && !name.endsWith(".war") && !name.endsWith("application.xml")) {
                ear.add(node.getAsset(), path);
            }
        });
        return ear.addAsModule(ShrinkWrap.create(WebArchive.class, "platform-it.war").addClasses(PlatformIT.class));
    }

    @Resource(lookup = "java:jboss/datasources/HubDS")
    DataSource hubDS;

    @EJB
    AuditTrail audit;

    private ProcessEngine engine() {
        return BpmPlatform.getProcessEngineService().getProcessEngine("default");
    }

    @Test
    void hubSchemaIsMigratedOnHubDS() throws Exception {
        try (Connection connection = hubDS.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select count(*) from \"HUB_SCHEMA_HISTORY\" where \"success\" = true and \"version\" = '1'")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "migration 1 applied successfully");
        }
    }

    @Test
    void auditEventsAreStoredThroughJpaAndReadBack() {
        String subject = "it-" + System.nanoTime();
        audit.record(AuditAction.MESSAGE_VIEWED, "message", subject, "opened in test");

        List<AuditEvent> events = audit.eventsFor("message", subject, 10);
        assertEquals(1, events.size());
        assertEquals(AuditAction.MESSAGE_VIEWED, events.get(0).getAction());
        assertNotNull(events.get(0).getId());
        assertNotNull(events.get(0).getOccurredAt());
        assertEquals("anonymous", events.get(0).getActor());
    }

    @Test
    void engineIsRegisteredAsTheDefaultEngineOnHubDS() {
        ProcessEngine engine = BpmPlatform.getDefaultProcessEngine();
        assertNotNull(engine, "the webapps and engine REST find the engine through the platform");
        assertEquals("default", engine.getName());
        assertTrue(engine.getProcessEngineConfiguration().isAuthorizationEnabled());
    }

    @Test
    void workflowsAreDeployedByTheProcessApplication() {
        assertTrue(BpmPlatform.getProcessApplicationService().getProcessApplicationNames().contains("yigong-hub"));
        var onboarding = engine().getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("township-onboarding").latestVersion().singleResult();
        assertNotNull(onboarding);
        var resources = engine().getRepositoryService().getDeploymentResourceNames(onboarding.getDeploymentId());
        assertTrue(resources.contains("forms/configure-channel.form"), "forms travel with the model: " + resources);
    }

    @Test
    void asynchronousContinuationsRunOnTheContainerManagedJobExecutor() throws InterruptedException {
        var model = Bpmn.createExecutableProcess("it-async-continuation")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("work").camundaAsyncBefore().camundaExpression("${execution.setVariable('worked', true)}")
                .userTask("afterWork")
                .endEvent()
                .done();
        Deployment deployment = engine().getRepositoryService().createDeployment()
                .addModelInstance("it-async-continuation.bpmn", model).deploy();
        try {
            ProcessInstance instance = engine().getRuntimeService().startProcessInstanceByKey("it-async-continuation");
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
            while (engine().getTaskService().createTaskQuery().processInstanceId(instance.getId()).count() == 0
                    && Instant.now().isBefore(giveUp)) {
                Thread.sleep(200);
            }
            assertEquals(Boolean.TRUE, engine().getRuntimeService().getVariable(instance.getId(), "worked"),
                    "the job executor ran the asynchronous service task");
        } finally {
            engine().getRepositoryService().deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void demoUserIsInEveryHubGroupAndTasklistHasFilters() {
        var identities = engine().getIdentityService();
        for (HubRole role : HubRole.values()) {
            assertEquals(1, identities.createUserQuery().userId("demo").memberOfGroup(role.id()).count(), role.id());
        }
        assertTrue(identities.checkPassword("demo", "demo"));
        assertTrue(engine().getFilterService().createTaskFilterQuery().count() >= 3, "Tasklist shows tasks only through filters");
        assertEquals(1, engine().getAuthorizationService().createAuthorizationQuery()
                .groupIdIn("clinician").resourceType(org.camunda.bpm.engine.authorization.Resources.APPLICATION)
                .resourceId("tasklist").count(), "clinicians may open Tasklist");
    }
}
