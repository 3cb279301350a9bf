package org.yigong.hub.platform.demo;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Groups;
import org.yigong.hub.platform.HubRole;
import org.yigong.hub.platform.engine.ProcessEngineBootstrap;

/**
 * The demo setup's Camunda identities: user {@code demo} (password {@code demo}) in every hub
 * group and in Camunda's administrator group. Only created when the hub runs with
 * {@code -Dhub.demo=true} ({@code ./hub run} and the integration tests); a production hub has its
 * users created in Camunda Admin or an LDAP directory.
 */
public final class DemoIdentities {

    public static final String DEMO_USER = "demo";

    private final IdentityService identities;

    public DemoIdentities(ProcessEngine engine) {
        this.identities = engine.getIdentityService();
    }

    public void ensure() {
        if (identities.createUserQuery().userId(DEMO_USER).count() == 0) {
            User demo = identities.newUser(DEMO_USER);
            demo.setFirstName("Demo");
            demo.setLastName("演示用户");
            demo.setEmail("demo@yigong-hub.invalid");
            demo.setPassword("demo");
            identities.saveUser(demo);
        }
        ensureMember(ProcessEngineBootstrap.ADMINISTRATOR_GROUP, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        for (HubRole role : HubRole.values()) {
            ensureMember(role.id(), role.displayName(), Groups.GROUP_TYPE_WORKFLOW);
        }
    }

    private void ensureMember(String groupId, String name, String type) {
        if (identities.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identities.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identities.saveGroup(group);
        }
        if (identities.createUserQuery().userId(DEMO_USER).memberOfGroup(groupId).count() == 0) {
            identities.createMembership(DEMO_USER, groupId);
        }
    }
}
