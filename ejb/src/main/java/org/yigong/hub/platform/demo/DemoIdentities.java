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
 * group, every clinical group and Camunda's administrator group; {@code dr.liu}, a doctor of the
 * 扣河子镇 township health centre (group {@code doctors-TWN_KHZ}), and {@code dr.wang}, the county
 * centres' duty doctor ({@code duty-county-ris}, {@code -ecg}, {@code -lis}), both with password
 * {@code demo}, to play the two ends of a remote diagnosis. Only created when the hub runs with
 * {@code -Dhub.demo=true} ({@code ./hub run} and the integration tests); a production hub has its
 * users created in Camunda Admin or an LDAP directory.
 */
public final class DemoIdentities {

    public static final String DEMO_USER = "demo";

    private final IdentityService identities;

    public DemoIdentities(ProcessEngine engine) {
        this.identities = engine.getIdentityService();
    }

    /** Candidate groups of the clinical processes: a township's doctors, a county centre's duty doctor. */
    static final String[][] CLINICAL_GROUPS = {
        {"doctors-TWN_KHZ", "扣河子镇卫生院医生 (TWN_KHZ doctors)", "dr.liu"},
        {"duty-county-ris", "县影像中心值班医生 (county imaging duty doctor)", "dr.wang"},
        {"duty-county-ecg", "县心电诊断中心值班医生 (county ECG duty doctor)", "dr.wang"},
        {"duty-county-lis", "县检验中心值班医生 (county laboratory duty doctor)", "dr.wang"},
    };

    public void ensure() {
        ensureUser(DEMO_USER, "Demo", "演示用户");
        ensureUser("dr.liu", "延超", "刘");
        ensureUser("dr.wang", "建国", "王");
        ensureMember(DEMO_USER, ProcessEngineBootstrap.ADMINISTRATOR_GROUP, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);
        for (HubRole role : HubRole.values()) {
            ensureMember(DEMO_USER, role.id(), role.displayName(), Groups.GROUP_TYPE_WORKFLOW);
        }
        for (String[] group : CLINICAL_GROUPS) {
            ensureMember(DEMO_USER, group[0], group[1], Groups.GROUP_TYPE_WORKFLOW);
            ensureMember(group[2], group[0], group[1], Groups.GROUP_TYPE_WORKFLOW);
            ensureMember(group[2], HubRole.CLINICIAN.id(), HubRole.CLINICIAN.displayName(), Groups.GROUP_TYPE_WORKFLOW);
        }
    }

    private void ensureUser(String id, String firstName, String lastName) {
        if (identities.createUserQuery().userId(id).count() == 0) {
            User user = identities.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@yigong-hub.invalid");
            user.setPassword("demo");
            identities.saveUser(user);
        }
    }

    private void ensureMember(String userId, String groupId, String name, String type) {
        if (identities.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identities.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identities.saveGroup(group);
        }
        if (identities.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identities.createMembership(userId, groupId);
        }
    }
}
