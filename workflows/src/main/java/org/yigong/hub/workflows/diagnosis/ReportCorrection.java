package org.yigong.hub.workflows.diagnosis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Records a corrected final report: {@code corrected}, {@code correctedAt} (the latest) and {@code correctionCount}. */
public class ReportCorrection implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Number count = (Number) execution.getVariable("correctionCount");
        execution.setVariable("corrected", true);
        execution.setVariable("correctedAt", Report.of(execution).reportedAt());
        execution.setVariable("correctionCount", count == null ? 1 : count.intValue() + 1);
    }
}
