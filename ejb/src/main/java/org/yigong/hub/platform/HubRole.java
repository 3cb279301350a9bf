package org.yigong.hub.platform;

/**
 * The roles of the hub's users. The same names are roles in the HubRealm (hub REST API and console)
 * and groups in Camunda's identity service (Tasklist, Cockpit, engine REST, candidate groups).
 */
public enum HubRole {
    HUB_ADMIN("hub-admin", "平台管理员 Hub administrators"),
    HUB_OPERATOR("hub-operator", "接口运维 Interface operators"),
    CLINICIAN("clinician", "临床医生 Clinicians"),
    PROCESS_DESIGNER("process-designer", "流程设计 Process designers"),
    AUDITOR("auditor", "审计质控 Auditors and quality staff");

    private final String id;
    private final String displayName;

    HubRole(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The role name in the realm and the group id in Camunda. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
