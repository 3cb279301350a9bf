package org.yigong.hub.diagnosis.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * The remote-diagnosis figures of a period, per centre, from the engine's history (the process
 * records every time point as a variable, so the history is the one record of what happened).
 * Orders are counted in the period they were placed in.
 */
@Stateless
public class DiagnosisMetrics {

    public static final String PROCESS = "remote-diagnosis";

    /** The variables the figures are made of; the model writes them (workflows/bpmn/remote-diagnosis.bpmn). */
    static final String[] VARIABLES = {"centre", "finalAt", "turnaroundMinutes", "limitMissed", "criticalAt",
        "criticalAckMinutes", "criticalEscalated", "outcome"};

    /** Histories are read in slices, so a month of a busy county does not become one huge IN list. */
    private static final int SLICE = 500;

    @Inject
    ProcessEngine engine;

    public List<CentreFigures> between(Instant from, Instant to) {
        HistoryService history = engine.getHistoryService();
        List<HistoricProcessInstance> processes = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
                .startedAfter(Date.from(from.minusMillis(1))).startedBefore(Date.from(to)).list();
        List<CentreFigures.Order> orders = new ArrayList<>(processes.size());
        for (int start = 0; start < processes.size(); start += SLICE) {
            List<HistoricProcessInstance> slice = processes.subList(start, Math.min(processes.size(), start + SLICE));
            Map<String, Map<String, Object>> variables = new HashMap<>();
            String[] ids = slice.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
                    .variableNameIn(VARIABLES).disableCustomObjectDeserialization().list()) {
                variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).putIfAbsent(v.getName(), v.getValue());
            }
            for (HistoricProcessInstance process : slice) {
                Map<String, Object> values = variables.getOrDefault(process.getId(), Map.of());
                orders.add(new CentreFigures.Order((String) values.get("centre"), process.getEndTime() == null, values));
            }
        }
        return CentreFigures.of(orders);
    }
}
