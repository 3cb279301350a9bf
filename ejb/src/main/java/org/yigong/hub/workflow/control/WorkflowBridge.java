package org.yigong.hub.workflow.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.yigong.hub.inbound.entity.InboundMessage;

/**
 * Hands messages of an order's life to the order's process, in the routing transaction, so that a
 * message is routed and its process started or moved together or not at all.
 *
 * <ul>
 * <li>a new order (ORC-1 {@code NW}) starts the route's process with the order's business key
 *     ({@link OrderEvent#businessKey()}), unless one with that key is already running (a township
 *     that sends its order twice under two control ids gets one process);</li>
 * <li>a cancellation (ORC-1 {@code CA}, {@code OC}, {@code DC}...) is correlated as
 *     {@value #ORDER_CANCELLED};</li>
 * <li>a report (ORU) is correlated as {@value #DIAGNOSTIC_REPORT}, with its status and critical
 *     values.</li>
 * </ul>
 *
 * A message no process waits for (a report on an order placed before the hub ran its process, a
 * second correction after the correction window) is delivered all the same; the bridge says so
 * in the log line and does nothing else. The process variables are the model's contract and are
 * named in {@code workflows/}'s models.
 */
@Stateless
public class WorkflowBridge {

    public static final String DIAGNOSTIC_REPORT = "diagnosticReport";
    public static final String ORDER_CANCELLED = "orderCancelled";

    @Inject
    ProcessEngine engine;

    /** The processes, of those named, that are not deployed in the engine. */
    public Set<String> undeployed(Set<String> processKeys) {
        Set<String> missing = new java.util.TreeSet<>();
        for (String key : processKeys) {
            if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).count() == 0) {
                missing.add(key);
            }
        }
        return missing;
    }

    /**
     * @param process    the process key the route names
     * @param message    the received message, for its id and patient
     * @param payload    the message as its destination receives it (translated), segments separated by CR
     * @param centre     the endpoint the route delivers to, or null
     * @param priorResult a recognised earlier result for the same service, for a new order, or null
     * @return what happened, for the routing log line
     */
    public String handOver(String process, InboundMessage message, String payload, String centre, PriorResult priorResult) {
        OrderEvent event = OrderEvent.read(payload, message.getMessageType(), centre, ZoneId.systemDefault());
        if (event.kind() == OrderEvent.Kind.OTHER) {
            return process + ": not an order event";
        }
        if (event.placerOrder() == null || event.orderingFacility() == null) {
            return process + ": no placer order number, not handed over";
        }
        RuntimeService runtime = engine.getRuntimeService();
        String key = event.businessKey();
        return switch (event.kind()) {
            case NEW_ORDER -> {
                long running = runtime.createProcessInstanceQuery().processDefinitionKey(process).processInstanceBusinessKey(key).count();
                if (running > 0) {
                    yield process + " " + key + ": already running";
                }
                String id = runtime.createProcessInstanceByKey(process).businessKey(key)
                        .setVariables(startVariables(message, event, centre, priorResult)).execute().getProcessInstanceId();
                yield process + " " + key + ": started " + id;
            }
            case CANCELLATION -> correlate(runtime, process, key, ORDER_CANCELLED,
                    Map.of("cancelMessageId", message.getId(), "cancelledAt", new Date()));
            case REPORT -> correlate(runtime, process, key, DIAGNOSTIC_REPORT, reportVariables(message, event));
            case OTHER -> throw new IllegalStateException("unreachable");
        };
    }

    private static String correlate(RuntimeService runtime, String process, String key, String name, Map<String, Object> variables) {
        int correlated = runtime.createMessageCorrelation(name).processInstanceBusinessKey(key)
                .setVariables(variables).correlateAllWithResult().size();
        return process + " " + key + ": " + name + (correlated == 0 ? " awaited by no process" : " correlated");
    }

    private static Map<String, Object> startVariables(InboundMessage message, OrderEvent event, String centre, PriorResult prior) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("messageId", message.getId());
        variables.put("placerOrder", event.placerOrder());
        variables.put("fillerOrder", event.fillerOrder());
        variables.put("orderingFacility", event.orderingFacility());
        variables.put("orderingDoctor", event.orderingDoctor());
        variables.put("centre", centre);
        variables.put("service", event.service());
        variables.put("serviceName", event.serviceName());
        variables.put("serviceCategory", event.serviceCategory());
        variables.put("priority", event.priority());
        variables.put("patientName", message.getPatientName());
        variables.put("patientMrn", message.getPatientId());
        variables.put("nationalId", message.getNationalId());
        variables.put("orderedAt", Date.from(event.orderedAt() != null ? event.orderedAt() : message.getReceivedAt()));
        variables.put("priorResultId", prior == null ? null : prior.id());
        variables.put("priorResultSummary", prior == null ? null : prior.summary());
        variables.put("priorResultAt", prior == null ? null : Date.from(prior.reportedAt()));
        return variables;
    }

    private static Map<String, Object> reportVariables(InboundMessage message, OrderEvent event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportStatus", event.reportStatus());
        variables.put("reportMessageId", message.getId());
        variables.put("reportedAt", Date.from(event.reportedAt() != null ? event.reportedAt() : message.getReceivedAt()));
        variables.put("critical", event.critical());
        variables.put("criticalFindings", event.criticalFindings());
        return variables;
    }

    /** An earlier result the patient already has for the ordered service (结果互认). */
    public record PriorResult(long id, String summary, java.time.Instant reportedAt) {
    }
}
