package org.yigong.hub.workflows.diagnosis;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Turns the reading time limit into times the timers and forms use: {@code readingDueAt} and
 * {@code escalateReadingAt}. The clock starts when the township ordered (ORC-9), not when the hub
 * started the process, so a late forward does not buy the centre time.
 */
public class ReadingDeadline implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Date orderedAt = (Date) execution.getVariable("orderedAt");
        // Runs in the hub's routing transaction: an order without ORC-9 must not fail routing,
        // so its clock starts when the hub forwarded it.
        Date start = orderedAt != null ? orderedAt : new Date();
        int limit = ((Number) execution.getVariable("readingLimitMinutes")).intValue();
        int escalateAfter = ((Number) execution.getVariable("escalateAfterMinutes")).intValue();
        execution.setVariable("readingDueAt", Minutes.after(start, limit));
        execution.setVariable("escalateReadingAt", Minutes.after(start, escalateAfter));
    }
}
