package org.yigong.hub.workflows.diagnosis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Records that the centre missed the reading time limit. The limit was missed at {@code readingDueAt},
 * whenever the job executor got round to this timer.
 */
public class MissedReadingLimit implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("limitMissed", true);
        execution.setVariable("limitMissedAt", execution.getVariable("readingDueAt"));
    }
}
