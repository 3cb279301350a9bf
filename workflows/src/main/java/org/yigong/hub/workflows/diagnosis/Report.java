package org.yigong.hub.workflows.diagnosis;

import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The report the hub has just correlated, as the variables it set with the {@code diagnosticReport}
 * message. Each correlation overwrites them, so a step that needs them later copies them.
 */
record Report(String status, Date reportedAt, boolean critical, String criticalFindings, Long messageId) {

    static Report of(VariableScope variables) {
        Date reportedAt = (Date) variables.getVariable("reportedAt");
        Number messageId = (Number) variables.getVariable("reportMessageId");
        return new Report(
                (String) variables.getVariable("reportStatus"),
                reportedAt != null ? reportedAt : new Date(),
                Boolean.TRUE.equals(variables.getVariable("critical")),
                (String) variables.getVariable("criticalFindings"),
                messageId != null ? messageId.longValue() : null);
    }
}
