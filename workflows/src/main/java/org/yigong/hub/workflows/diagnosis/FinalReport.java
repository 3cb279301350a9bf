package org.yigong.hub.workflows.diagnosis;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Records the final report: {@code finalAt}, {@code turnaroundMinutes} from the order, and {@code outcome=reported}. */
public class FinalReport implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Date finalAt = Report.of(execution).reportedAt();
        execution.setVariable("finalAt", finalAt);
        Date orderedAt = (Date) execution.getVariable("orderedAt");
        if (orderedAt != null) {
            execution.setVariable("turnaroundMinutes", Minutes.between(orderedAt, finalAt));
        }
        execution.setVariable("outcome", "reported");
    }
}
