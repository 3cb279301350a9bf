package org.yigong.hub.workflows.diagnosis;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Records that a critical value went unacknowledged past its limit and went to the centre's duty doctor. */
public class CriticalValueEscalation implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("criticalEscalated", true);
        execution.setVariable("criticalEscalatedAt", new Date());
    }
}
