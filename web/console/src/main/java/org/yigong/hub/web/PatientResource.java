package org.yigong.hub.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.yigong.hub.inbound.control.InvalidQueryParameter;
import org.yigong.hub.result.PatientKey;
import org.yigong.hub.result.control.ResultIndex;

/**
 * {@code /hub/api/patients}: a patient's results across facilities (结果互认), for clinicians deciding
 * whether a test must be repeated, and for hospital IT and auditors.
 *
 * <ul>
 * <li>{@code GET /hub/api/patients/{id}/results?limit=} lists the patient's current
 *     {@link ResultSummary results}, newest report first, at most {@code limit} (default 50, at most
 *     500). {@code id} is a national ID card number ({@code 150525196903150428}) or a facility's
 *     medical record number with its assigning authority ({@code KHZ0012345@TWN_KHZ}); by MRN the
 *     results filed under the national IDs recorded with that MRN are found too. A malformed
 *     {@code id} or {@code limit} is answered 400 with {@code {"error": "..."}}; a patient with no
 *     results is an empty list.
 * </ul>
 *
 * Every look is recorded in the audit trail (PATIENT_RESULTS_VIEWED, subject {@code patient} and the
 * id as read) under the caller's name, in the transaction of the read, whether anything was found
 * or not.
 */
@RequestScoped
@Path("patients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clinician", "hub-operator", "hub-admin", "auditor"})
public class PatientResource {

    @Inject
    ResultIndex results;

    @GET
    @Path("{id}/results")
    public List<ResultSummary> results(@PathParam("id") String id, @QueryParam("limit") String limit) {
        PatientKey patient = PatientKey.parse(id);
        return results.forPatientAudited(patient, limit(limit)).stream().map(ResultSummary::of).toList();
    }

    /** Read here rather than by JAX-RS, so that "limit=abc" is the API's JSON 400 naming the parameter. */
    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return ResultIndex.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= ResultIndex.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidQueryParameter("limit", "must be a whole number from 1 to " + ResultIndex.MAX_LIMIT);
    }
}
