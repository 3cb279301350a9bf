package org.yigong.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hub EAR as built, deployed into the provisioned WildFly and used from outside: what a
 * clinician's browser, Camunda Modeler, an operator's REST client and monitoring see.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HubEarIT {

    @Deployment(testable = false)
    static EnterpriseArchive hub() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("hub.ear")));
    }

    private final HubHttp http = new HubHttp();

    @Test
    void tasklistAnswersAndDemoLogsIn() {
        HttpResponse<String> page = http.get("/camunda/app/tasklist/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tasklist");

        String xsrf = http.cookie("XSRF-TOKEN");
        assertThat(xsrf).as("Tasklist hands out an XSRF token").isNotBlank();
        HttpResponse<String> login = http.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=demo&password="
                        + URLEncoder.encode("demo", StandardCharsets.UTF_8))));
        assertThat(login.statusCode()).isEqualTo(200);
        JsonObject user = HubHttp.object(login);
        assertThat(user.getString("userId")).isEqualTo("demo");
        assertThat(user.getJsonArray("authorizedApps").toString()).contains("tasklist", "cockpit", "admin");
    }

    /**
     * Wrong passwords are tried on a user of their own: Camunda locks a user for a while after a
     * failed login, and demo must stay usable for the other tests.
     */
    private String userWithPassword(String password) {
        String id = "it-user-" + System.nanoTime();
        HttpResponse<String> created = new HubHttp().as("demo", "demo").postJson("/engine-rest/user/create",
                "{\"profile\": {\"id\": \"" + id + "\", \"firstName\": \"IT\", \"lastName\": \"User\"},"
                        + " \"credentials\": {\"password\": \"" + password + "\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
        return id;
    }

    @Test
    void tasklistRejectsWrongPassword() {
        String user = userWithPassword("right-one");
        http.get("/camunda/app/tasklist/");
        HttpResponse<String> login = http.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", http.cookie("XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=wrong")));
        assertThat(login.statusCode()).isEqualTo(401);
    }

    @Test
    void engineRestRequiresCredentials() {
        String user = userWithPassword("right-one");
        assertThat(http.anonymous().get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
        assertThat(http.as(user, "wrong").get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
        assertThat(http.as("demo", "demo").get("/engine-rest/process-definition").statusCode()).isEqualTo(200);
    }

    @Test
    void processFromWorkflowsIsStartedAndItsTaskWorkedThroughEngineRest() {
        http.as("demo", "demo");
        HttpResponse<String> started = http.postJson("/engine-rest/process-definition/key/township-onboarding/start", """
                {"businessKey": "TWN-KHZ",
                 "variables": {"facilityCode": {"value": "TWN-KHZ", "type": "String"},
                               "facilityName": {"value": "开化镇卫生院", "type": "String"}}}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String instance = HubHttp.object(started).getString("id");

        var tasks = HubHttp.array(http.get("/engine-rest/task?candidateUser=demo&processInstanceId=" + instance));
        assertThat(tasks).hasSize(1);
        JsonObject task = tasks.getJsonObject(0);
        assertThat(task.getString("taskDefinitionKey")).isEqualTo("configureChannel");
        JsonObject form = HubHttp.object(http.get("/engine-rest/task/" + task.getString("id") + "/form"));
        assertThat(form.getJsonObject("camundaFormRef").getString("key")).as("Tasklist renders the Camunda Form").isEqualTo("configure-channel");

        HttpResponse<String> variables = http.get("/engine-rest/task/" + task.getString("id") + "/form-variables");
        assertThat(HubHttp.object(variables).getJsonObject("facilityName").getString("value")).isEqualTo("开化镇卫生院");

        HttpResponse<String> completed = http.postJson("/engine-rest/task/" + task.getString("id") + "/complete",
                "{\"variables\": {\"channelNotes\": {\"value\": \"channel township-his\", \"type\": \"String\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);

        var next = HubHttp.array(http.get("/engine-rest/task?processInstanceId=" + instance));
        assertThat(next).hasSize(1);
        assertThat(next.getJsonObject(0).getString("taskDefinitionKey")).isEqualTo("verifyTestTraffic");
        var log = HubHttp.array(http.get("/engine-rest/history/user-operation?operationType=Complete&taskId=" + task.getString("id")));
        assertThat(log).isNotEmpty();
        assertThat(log.getJsonObject(0).getString("userId")).as("who completed the task is recorded").isEqualTo("demo");
    }

    @Test
    void hubApiNeedsHubCredentialsAndReportsThePlatform() {
        assertThat(http.anonymous().get("/hub/api/status").statusCode()).isEqualTo(401);
        HttpResponse<String> status = http.as("demo", "demo").get("/hub/api/status");
        assertThat(status.statusCode()).isEqualTo(200);
        JsonObject platform = HubHttp.object(status);
        assertThat(platform.getString("engine")).isEqualTo("default");
        assertThat(platform.getString("database")).isIn("H2", "PostgreSQL", "Oracle");
        assertThat(platform.getJsonNumber("processDefinitions").longValue()).isGreaterThanOrEqualTo(1);
        assertThat(platform.getString("schemaVersion")).isNotBlank();
    }

    @Test
    void serverHealthIsUp() {
        HttpResponse<String> health = http.anonymous().get(HubHttp.MANAGEMENT + "/health/ready");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonObject report = HubHttp.object(health);
        assertThat(report.getString("status")).isEqualTo("UP");
        assertThat(report.toString()).contains("yigong-hub.ear");
    }
}
