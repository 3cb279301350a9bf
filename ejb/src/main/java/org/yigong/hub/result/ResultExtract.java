package org.yigong.hub.result;

import java.time.Instant;

/**
 * What the index keeps of one OBR of an ORU^R01, read from the text by {@code control.OruResults}: the
 * patient, the order, the service, where and when it was done, and what came out of it.
 *
 * @param obrPosition           the OBR's place among the message's OBRs, from 1 (not OBR-1, which
 *                              senders number carelessly)
 * @param patientMrn            PID-3 of type MR (the facility's medical record number)
 * @param mrnAuthority          its assigning authority (PID-3.4), else the sending facility
 * @param nationalId            PID-3 of type NI or authority CHN (居民身份证号), upper case; null when absent
 * @param placerOrder           OBR-2.1, else ORC-2.1: the ordering facility's order number
 * @param fillerOrder           OBR-3.1, else ORC-3.1: the performing department's accession number
 * @param orderingFacility      MSH-6: the facility the result is reported to
 * @param performingFacility    MSH-4
 * @param performingApplication MSH-3
 * @param serviceCode           OBR-4.1 (after mapping, the county's code)
 * @param diagnosticService     OBR-24 (CT, HM, CH, EC, ...)
 * @param observedAt            OBR-7
 * @param reportedAt            OBR-22, else MSH-7; null when neither is a date/time
 * @param status                OBR-25: F (final) or C (corrected); other statuses are not indexed
 * @param abnormal              some OBX-8 says other than normal
 * @param critical              some OBX-8 is HH, LL or AA (危急值)
 * @param summary               the conclusion, or the values; at most 500 characters, see {@code control.ObservationSummary}
 */
public record ResultExtract(int obrPosition,
                            String patientMrn, String mrnAuthority, String nationalId, String patientName,
                            String placerOrder, String fillerOrder,
                            String orderingFacility, String performingFacility, String performingApplication,
                            String serviceCode, String serviceName, String serviceCodingSystem, String diagnosticService,
                            Instant observedAt, Instant reportedAt, String status,
                            boolean abnormal, boolean critical, String summary) {
}
