package org.yigong.hub.workflows.diagnosis;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
// The type IdentityService.getCurrentAuthentication() returns; that method is the public way to ask.
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Records who completed a user task and when, as {@code <taskDefinitionKey>By} and
 * {@code <taskDefinitionKey>At}: clinical decisions need a name and a time in the record.
 */
public class TaskCompletion implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        task.setVariable(key + "By", completedBy(task));
        task.setVariable(key + "At", new Date());
    }

    /** The assignee (Tasklist makes a user claim before completing), else whoever is logged in to the engine. */
    static String completedBy(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null ? authentication.getUserId() : null;
    }
}
