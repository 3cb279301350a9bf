package org.yigong.hub.workflows.diagnosis;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Records who acknowledged a critical value, when, and after how many minutes. The minutes count
 * from the task's creation, which is when this critical value was raised even if another one has
 * been raised since.
 */
public class CriticalValueAcknowledgement implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Date acknowledgedAt = new Date();
        task.setVariable("criticalAcknowledgedAt", acknowledgedAt);
        task.setVariable("criticalAcknowledgedBy", TaskCompletion.completedBy(task));
        task.setVariable("criticalAckMinutes", Minutes.between(task.getCreateTime(), acknowledgedAt));
    }
}
