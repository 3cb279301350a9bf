package org.yigong.hub.workflows.diagnosis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Records that the township cancelled the order ({@code outcome=cancelled}). The hub has already
 * forwarded the cancellation to the centre and set {@code cancelledAt}.
 */
public class OrderCancellation implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("outcome", "cancelled");
    }
}
