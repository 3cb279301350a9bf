package org.yigong.hub.platform.engine;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.yigong.hub.platform.HubRole.AUDITOR;
import static org.yigong.hub.platform.HubRole.CLINICIAN;
import static org.yigong.hub.platform.HubRole.HUB_ADMIN;
import static org.yigong.hub.platform.HubRole.HUB_OPERATOR;
import static org.yigong.hub.platform.HubRole.PROCESS_DESIGNER;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.yigong.hub.platform.HubRole;

/**
 * What each hub role may do in Camunda, granted once: a grant that already exists for a group and
 * resource is left as an administrator may have changed it in Camunda Admin. Tasks themselves need
 * no grant here: the engine authorizes a task's candidate groups and assignee when it creates it.
 */
final class RoleAuthorizations {

    private record Grant(HubRole role, Resource resource, String resourceId, Permission... permissions) {
    }

    private static final String ANY = Authorization.ANY;

    private static final List<Grant> GRANTS = List.of(
            new Grant(CLINICIAN, APPLICATION, "tasklist", ACCESS),
            new Grant(CLINICIAN, PROCESS_DEFINITION, ANY, READ, CREATE_INSTANCE),
            new Grant(CLINICIAN, PROCESS_INSTANCE, ANY, CREATE),

            new Grant(HUB_OPERATOR, APPLICATION, "tasklist", ACCESS),
            new Grant(HUB_OPERATOR, APPLICATION, "cockpit", ACCESS),
            new Grant(HUB_OPERATOR, PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, UPDATE_INSTANCE, CREATE_INSTANCE),
            new Grant(HUB_OPERATOR, PROCESS_INSTANCE, ANY, READ, UPDATE, CREATE),

            new Grant(PROCESS_DESIGNER, APPLICATION, "cockpit", ACCESS),
            new Grant(PROCESS_DESIGNER, APPLICATION, "tasklist", ACCESS),
            new Grant(PROCESS_DESIGNER, DEPLOYMENT, ANY, CREATE, READ, DELETE),
            new Grant(PROCESS_DESIGNER, PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, UPDATE, CREATE_INSTANCE),
            new Grant(PROCESS_DESIGNER, DECISION_DEFINITION, ANY, READ, READ_HISTORY, CREATE_INSTANCE),
            new Grant(PROCESS_DESIGNER, PROCESS_INSTANCE, ANY, READ, CREATE),

            new Grant(AUDITOR, APPLICATION, "cockpit", ACCESS),
            new Grant(AUDITOR, PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE),
            new Grant(AUDITOR, DECISION_DEFINITION, ANY, READ, READ_HISTORY),
            new Grant(AUDITOR, PROCESS_INSTANCE, ANY, READ),

            new Grant(HUB_ADMIN, APPLICATION, "admin", ACCESS),
            new Grant(HUB_ADMIN, APPLICATION, "cockpit", ACCESS),
            new Grant(HUB_ADMIN, APPLICATION, "tasklist", ACCESS));

    private final AuthorizationService authorizations;

    RoleAuthorizations(ProcessEngine engine) {
        this.authorizations = engine.getAuthorizationService();
    }

    void grant() {
        GRANTS.stream().filter(this::absent).forEach(this::save);
    }

    private boolean absent(Grant grant) {
        return authorizations.createAuthorizationQuery()
                .groupIdIn(grant.role().id())
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .count() == 0;
    }

    private void save(Grant grant) {
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(grant.role().id());
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        for (Permission permission : grant.permissions()) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
