/**
 * The result index (结果互认): every final or corrected result (ORU^R01) that passes through the
 * hub, one row per OBR, indexed by patient, so that any facility can see what was already done for
 * a patient instead of repeating the test.
 *
 * <p>The index holds what a clinician needs to recognise a result (service, when, where, status,
 * abnormal and critical flags, a short summary) and the message it came from; the full report stays
 * in the stored message. A corrected result supersedes the row it corrects, which stays as history.
 * The index is read through the REST API and answered to HL7 queries (QBP^Q11 profile
 * {@code YG_RESULTS}, see {@link org.yigong.hub.result.control.ResultQuery}); every read by a person
 * is audited.
 */
package org.yigong.hub.result;
