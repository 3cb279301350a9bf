package org.yigong.hub.workflows.diagnosis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Records when the first preliminary report came; later ones before the final change nothing here. */
public class PreliminaryReport implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable("preliminaryAt") == null) {
            execution.setVariable("preliminaryAt", Report.of(execution).reportedAt());
        }
    }
}
