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
import org.yigong.hub.result.PatientKey;
import org.yigong.hub.result.control.ResultIndex;
import org.yigong.hub.result.entity.IndexedResult;
import org.yigong.hub.workflow.entity.HandOver;
import org.yigong.hub.workflow.entity.HandOverStatus;

/**
 * Hands messages of an order's life to the order's process. Routing writes a {@link HandOver} row
 * with the message's deliveries; this bridge works those rows in ID order, one transaction each
 * (the row's outcome is written in the engine's transaction, so a hand-over happens once):
 *
 * <ul>
 * <li>a new order (ORC-1 {@code NW}) starts the route's process with the order's business key
 *     ({@link OrderEvent#businessKey()}), unless one was started for that key before (a township
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

    @jakarta.persistence.PersistenceContext(unitName = "hub")
    jakarta.persistence.EntityManager em;

    @jakarta.ejb.EJB
    ResultIndex results;

    private static final java.time.format.DateTimeFormatter SHOWN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

    /** Hand-overs waiting for the engine, oldest first. */
    public java.util.List<Long> pending(int max) {
        return em.createNamedQuery(HandOver.PENDING, Long.class).setMaxResults(max).getResultList();
    }

    /** Rows of status, count and oldest creation time, for hand-overs not done. */
    public java.util.List<Object[]> depths() {
        return em.createNamedQuery(HandOver.DEPTHS, Object[].class).getResultList();
    }

    public java.util.List<HandOver> ofMessage(long messageId) {
        return em.createNamedQuery(HandOver.OF_MESSAGE, HandOver.class).setParameter("messageId", messageId).getResultList();
    }

    /**
     * Gives one pending hand-over to the engine and records what happened, in one transaction.
     *
     * @return what happened, for the log line; null if the row is no longer pending
     */
    public String handOver(long handOverId) {
        HandOver row = em.find(HandOver.class, handOverId);
        if (row == null || row.getStatus() != HandOverStatus.PENDING) {
            return null;
        }
        InboundMessage message = em.find(InboundMessage.class, row.getMessageId());
        Given given = give(row.getProcessKey(), message, row.getPayload(), row.getCentre());
        row.done(given.outcome(), given.businessKey(), given.processInstance());
        return given.outcome();
    }

    /** Records why a hand-over failed, in a transaction of its own (the engine's was rolled back). */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public void failed(long handOverId, String reason) {
        HandOver row = em.find(HandOver.class, handOverId);
        if (row != null) {
            row.failed(reason);
        }
    }

    /**
     * @param process    the process key the route names
     * @param message    the received message, for its id and patient
     * @param payload    the message as its destination receives it (translated), segments separated by CR
     * @param centre     the endpoint the route delivers to, or null
     * @return what happened
     */
    private Given give(String process, InboundMessage message, String payload, String centre) {
        OrderEvent event = OrderEvent.read(payload, message.getMessageType(), centre, ZoneId.systemDefault());
        if (event.kind() == OrderEvent.Kind.OTHER) {
            return new Given(process + ": not an order event", null, null);
        }
        if (event.placerOrder() == null || event.orderingFacility() == null) {
            return new Given(process + ": no placer order number, not handed over", null, null);
        }
        RuntimeService runtime = engine.getRuntimeService();
        String key = event.businessKey();
        java.util.Optional<String> started = started(process, key);
        return switch (event.kind()) {
            case NEW_ORDER -> {
                if (started.isPresent()) {
                    yield new Given(process + " " + key + ": already started as " + started.get(), key, null);
                }
                PriorResult prior = priorResult(message, event);
                String id = runtime.createProcessInstanceByKey(process).businessKey(key)
                        .setVariables(startVariables(message, event, centre, prior)).execute().getProcessInstanceId();
                yield new Given(process + " " + key + ": started " + id
                        + (prior == null ? "" : ", recognised result " + prior.id() + " exists"), key, id);
            }
            case CANCELLATION -> new Given(correlate(runtime, process, key, started, ORDER_CANCELLED,
                    Map.of("cancelMessageId", message.getId(), "cancelledAt", new Date())), key, null);
            case REPORT -> new Given(correlate(runtime, process, key, started, DIAGNOSTIC_REPORT,
                    reportVariables(message, event)), key, null);
            case OTHER -> throw new IllegalStateException("unreachable");
        };
    }

    /** What a hand-over did, and to which process. */
    private record Given(String outcome, String businessKey, String processInstance) {
    }

    /**
     * The instance a hand-over started for this order, from the hub's own index: one process per
     * order, however often its order is sent, and the engine is asked about that instance alone.
     */
    private java.util.Optional<String> started(String process, String businessKey) {
        return em.createNamedQuery(HandOver.STARTED, String.class).setParameter("process", process)
                .setParameter("businessKey", businessKey).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * The patient's current result for the ordered service within the service kind's recognition
     * window (结果互认), looked up by national ID where the order has one (results from every
     * facility), otherwise by the township's MRN.
     */
    private PriorResult priorResult(InboundMessage message, OrderEvent event) {
        if (event.service() == null) {
            return null;
        }
        PatientKey patient;
        if (message.getNationalId() != null) {
            patient = PatientKey.ofNationalId(message.getNationalId());
        } else if (message.getPatientId() != null && message.getPatientIdAuthority() != null) {
            patient = PatientKey.ofMrn(message.getPatientId(), message.getPatientIdAuthority());
        } else {
            return null;
        }
        java.time.Duration window = RecognitionWindows.standard().of(event.serviceCategory());
        if (window.isZero()) {
            return null;
        }
        return results.recognised(patient, event.service(), java.time.Instant.now().minus(window))
                .map(r -> new PriorResult(r.getId(), summary(r), r.getReportedAt()))
                .orElse(null);
    }

    private static String summary(IndexedResult result) {
        String status = "C".equals(result.getStatus()) ? "更正" : "终审";
        return String.join(" · ", java.util.stream.Stream.of(result.getServiceName(), result.getPerformingFacility(),
                SHOWN.format(result.getReportedAt().atZone(ZoneId.systemDefault())), status, result.getSummary())
                .filter(java.util.Objects::nonNull).toList());
    }

    private static String correlate(RuntimeService runtime, String process, String key, java.util.Optional<String> instance,
                                    String name, Map<String, Object> variables) {
        int correlated = instance.isEmpty() ? 0 : runtime.createMessageCorrelation(name).processInstanceId(instance.get())
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
        // the centre's reading clock starts when the order reached the county, not when the township
        // entered it (a HIS that sends its orders in a batch at noon must not make every one late)
        variables.put("orderedAt", Date.from(message.getReceivedAt()));
        variables.put("placedAt", event.orderedAt() == null ? null : Date.from(event.orderedAt()));
        variables.put("priorResultId", prior == null ? null : prior.id());
        variables.put("priorResultSummary", prior == null ? null : prior.summary());
        variables.put("priorResultAt", prior == null ? null : Date.from(prior.reportedAt()));
        return variables;
    }

    private static Map<String, Object> reportVariables(InboundMessage message, OrderEvent event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reportStatus", event.reportStatus());
        variables.put("reportMessageId", message.getId());
        // the hub's clock, like orderedAt: turnaround is then measured on one clock, whatever the
        // centre's system clock says; the centre's own signing time is kept beside it
        variables.put("reportedAt", Date.from(message.getReceivedAt()));
        variables.put("reportWrittenAt", event.reportedAt() == null ? null : Date.from(event.reportedAt()));
        variables.put("critical", event.critical());
        variables.put("criticalFindings", event.criticalFindings());
        return variables;
    }

    /** An earlier result the patient already has for the ordered service (结果互认). */
    public record PriorResult(long id, String summary, java.time.Instant reportedAt) {
    }
}
