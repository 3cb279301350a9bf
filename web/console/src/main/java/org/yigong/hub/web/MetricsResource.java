package org.yigong.hub.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.yigong.hub.diagnosis.control.CentreFigures;
import org.yigong.hub.diagnosis.control.DiagnosisMetrics;

/**
 * {@code GET /hub/api/metrics/remote-diagnosis?from=&to=}: per county centre, the orders placed in
 * the period (default: the last 30 days) and what became of them: readings done, median and p90
 * minutes from order to final report, reading limits missed, critical values and the minutes the
 * ordering townships took to acknowledge them, escalations. {@code from} and {@code to} take an
 * ISO-8601 instant or a date, as the message search does; one it cannot read is a 400.
 */
@RequestScoped
@Path("metrics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"hub-admin", "hub-operator", "auditor", "clinician"})
public class MetricsResource {

    /** The answer: the period and the figures of each centre. */
    public record RemoteDiagnosis(String from, String to, List<CentreFigures> centres) {
    }

    @EJB
    DiagnosisMetrics metrics;

    @GET
    @Path("remote-diagnosis")
    public RemoteDiagnosis remoteDiagnosis(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = Period.of(from, to);
        Instant end = period.to() == null ? Instant.now() : period.to();
        Instant start = period.from() == null ? end.minus(Duration.ofDays(30)) : period.from();
        return new RemoteDiagnosis(start.toString(), end.toString(), metrics.between(start, end));
    }
}
