package org.yigong.hub.workflows.diagnosis;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.yigong.hub.workflow.control.OrderWithdrawal;

/**
 * {@code ${withdrawOrder}}: the ordering doctor decided the test is not needed, so the centre gets
 * the order's cancellation (ORC-1 {@code CA}), queued behind the order in this step's
 * transaction. Runs as its own job (asyncBefore) so that a database hiccup is retried, not lost.
 */
public class WithdrawOrder implements JavaDelegate {

    private final OrderWithdrawal withdrawal;

    public WithdrawOrder(OrderWithdrawal withdrawal) {
        this.withdrawal = withdrawal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long delivery = withdrawal.withdraw(((Number) execution.getVariable("messageId")).longValue(),
                (String) execution.getVariable("centre"));
        execution.setVariable("withdrawalDeliveryId", delivery);
    }
}
