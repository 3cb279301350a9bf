package org.yigong.hub.workflows.diagnosis;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Starts the acknowledgement of one critical value. {@code criticalAt} (process-wide, the latest) is
 * the hub's time, which the acknowledgement timer also counts from. The report's findings are copied
 * into this handling's own scope, so its forms keep showing the value being acknowledged when a later
 * report overwrites the process's {@code criticalFindings}.
 */
public class CriticalValue implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Report report = Report.of(execution);
        Date raisedAt = new Date();
        int ackLimit = ((Number) execution.getVariable("criticalAckLimitMinutes")).intValue();
        execution.setVariable("criticalAt", raisedAt);
        execution.setVariableLocal("criticalFindings", report.criticalFindings());
        execution.setVariableLocal("criticalReportStatus", report.status());
        execution.setVariableLocal("criticalReportMessageId", report.messageId());
        execution.setVariableLocal("criticalAckDueAt", Minutes.after(raisedAt, ackLimit));
    }
}
