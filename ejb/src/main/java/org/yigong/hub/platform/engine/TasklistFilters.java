package org.yigong.hub.platform.engine;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The task lists a clinician finds in Tasklist on first login. Tasklist shows no tasks at all
 * without a filter, so a hub with none gets these; once any filter exists (an administrator may
 * have edited or replaced them) nothing is touched.
 */
final class TasklistFilters {

    /** Process variables shown as columns in every list; the hub's processes set them. */
    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", "patientName", "label", "患者 Patient"),
            Map.of("name", "facilityName", "label", "机构 Facility"),
            Map.of("name", "priority", "label", "优先级 Priority"));

    private final FilterService filters;
    private final TaskService tasks;
    private final ProcessEngine engine;

    TasklistFilters(ProcessEngine engine) {
        this.engine = engine;
        this.filters = engine.getFilterService();
        this.tasks = engine.getTaskService();
    }

    void ensureDefaults() {
        if (filters.createFilterQuery().count() > 0) {
            return;
        }
        create("我的任务 My tasks", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create("我组的任务 My group tasks", -5,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        create("全部任务 All tasks", 0, tasks.createTaskQuery());
    }

    private void create(String name, int order, TaskQuery query) {
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(Map.of("priority", order, "refresh", true, "variables", COLUMNS));
        filters.saveFilter(filter);

        // Every user may read the filter; what it lists is still limited by task authorizations.
        Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        read.setResource(Resources.FILTER);
        read.setResourceId(filter.getId());
        read.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(read);
    }
}
