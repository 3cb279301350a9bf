package org.yigong.hub.result.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yigong.hub.result.PatientKey;

/**
 * The JPQL where clause over {@code IndexedResult r} that finds a patient's current results, with
 * its parameters: by national ID; or by MRN and authority, together with every national ID already
 * recorded on that MRN's results, so that a county result filed under the national ID is found
 * from the township's MRN (cross-facility recognition). Service and earliest report time are added
 * only when given, so the database sees a query its indexes answer.
 */
record ResultConditions(String where, Map<String, Object> parameters) {

    /** Newest report first; the id breaks ties of the same instant. */
    static final String NEWEST_FIRST = " order by r.reportedAt desc, r.id desc";

    /**
     * @param nationalIds the national IDs recorded with the key's MRN (ignored for a national ID key)
     * @param serviceCode the service, exactly; null for any
     * @param since       the earliest report time, inclusive; null for any
     */
    static ResultConditions of(PatientKey key, List<String> nationalIds, String serviceCode, Instant since) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (key.byNationalId()) {
            conditions.add("r.nationalId = :nationalId");
            parameters.put("nationalId", key.nationalId());
        } else if (nationalIds.isEmpty()) {
            conditions.add("r.patientMrn = :mrn and r.mrnAuthority = :authority");
            parameters.put("mrn", key.mrn());
            parameters.put("authority", key.authority());
        } else {
            conditions.add("((r.patientMrn = :mrn and r.mrnAuthority = :authority) or r.nationalId in :nationalIds)");
            parameters.put("mrn", key.mrn());
            parameters.put("authority", key.authority());
            parameters.put("nationalIds", List.copyOf(nationalIds));
        }
        conditions.add("r.supersededBy is null");
        if (serviceCode != null) {
            conditions.add("r.serviceCode = :serviceCode");
            parameters.put("serviceCode", serviceCode);
        }
        if (since != null) {
            conditions.add("r.reportedAt >= :since");
            parameters.put("since", since);
        }
        return new ResultConditions(" where " + String.join(" and ", conditions), parameters);
    }
}
