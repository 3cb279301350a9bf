package org.yigong.hub.workflows.diagnosis;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Records that the ordering doctor withdrew a duplicate test and the centre was told ({@code outcome=withdrawn}). */
public class OrderWithdrawal implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("outcome", "withdrawn");
        execution.setVariable("withdrawnAt", new Date());
    }
}
