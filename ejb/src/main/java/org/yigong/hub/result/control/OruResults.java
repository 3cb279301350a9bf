package org.yigong.hub.result.control;

import org.yigong.hub.inbound.control.Hl7Time;
import org.yigong.hub.inbound.control.Hl7Delimiters;
import org.yigong.hub.inbound.control.Hl7Segment;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yigong.hub.inbound.control.MessageHeader;
import org.yigong.hub.inbound.control.MessageRejected;
import org.yigong.hub.inbound.control.PatientIdentity;
import org.yigong.hub.result.ResultExtract;

/**
 * Reads the results of an ORU^R01 (versions 2.3 to 2.5.1) for the index: one {@link ResultExtract}
 * per OBR whose status (OBR-25) is final or corrected and whose patient can be named by a medical
 * record number or a national ID. Anything else (another message type, a preliminary result, an
 * OBR without a patient) gives nothing.
 *
 * <p>Read from the text rather than through HAPI: the index needs a dozen fields whose positions
 * are the same in every version from 2.3 to 2.5.1, the message was already accepted and parsed on
 * the way in, and reading the text needs no parser per thread and cannot fail on a structure HAPI
 * would reject (a 2.3 ORU with its groups in a slightly wrong order still has its OBRs). The patient
 * is read exactly as the message store reads it ({@link PatientIdentity}).
 *
 * <p>The walk follows the ORU's groups: a PID starts a patient, an ORC the order it precedes, an OBR
 * its result, and OBX segments belong to the last OBR, until a specimen (SPM, 2.5) begins: its
 * observations describe the specimen, not the result.
 */
public final class OruResults {

    /** Result statuses (HL7 table 0123) that make a result recognisable elsewhere. */
    public static final Set<String> INDEXED_STATUSES = Set.of("F", "C");

    private OruResults() {
    }

    /**
     * The indexable results of a message whose segments are separated by CR (LF and CRLF are
     * tolerated); times without offset are read in {@code zone}.
     */
    public static List<ResultExtract> read(String text, ZoneId zone) {
        MessageHeader header;
        try {
            header = MessageHeader.read(text);
        } catch (MessageRejected e) {
            return List.of();
        }
        if (!"ORU".equals(header.messageType()) || !(header.triggerEvent().isEmpty() || "R01".equals(header.triggerEvent()))) {
            return List.of();
        }
        var delimiters = Hl7Delimiters.of(header);
        List<Hl7Segment> segments = Hl7Segment.all(text, delimiters);
        Instant sentAt = Hl7Time.parse(segments.get(0).component(7, 1), zone);

        List<ResultExtract> results = new ArrayList<>();
        PatientIdentity patient = PatientIdentity.NONE;
        Hl7Segment orc = null;
        Hl7Segment obr = null;
        List<Hl7Segment> observations = new ArrayList<>();
        int position = 0;
        boolean inSpecimen = false;
        for (Hl7Segment segment : segments) {
            switch (segment.name()) {
                case "PID", "ORC", "OBR" -> {
                    if (obr != null) {
                        extract(header, patient, orc, obr, position, observations, sentAt, zone).ifPresent(results::add);
                    }
                    obr = null;
                    observations = new ArrayList<>();
                    inSpecimen = false;
                    if (segment.is("PID")) {
                        // this PID alone: a message may carry several patients, and PatientIdentity reads the first PID
                        patient = PatientIdentity.of(segment.text(), header);
                        orc = null;
                    } else if (segment.is("ORC")) {
                        orc = segment;
                    } else {
                        obr = segment;
                        position++;
                    }
                }
                case "SPM" -> inSpecimen = true;
                case "OBX" -> {
                    if (obr != null && !inSpecimen) {
                        observations.add(segment);
                    }
                }
                default -> {
                    // NTE, TQ1, CTI, Z-segments: nothing the index keeps
                }
            }
        }
        if (obr != null) {
            extract(header, patient, orc, obr, position, observations, sentAt, zone).ifPresent(results::add);
        }
        return results;
    }

    private static Optional<ResultExtract> extract(MessageHeader header, PatientIdentity patient, Hl7Segment orc,
                                                             Hl7Segment obr, int position, List<Hl7Segment> observations,
                                                             Instant sentAt, ZoneId zone) {
        String status = obr.value(25).toUpperCase(Locale.ROOT);
        if (!INDEXED_STATUSES.contains(status) || (patient.medicalRecordNumber() == null && patient.nationalId() == null)) {
            return Optional.empty();
        }
        Instant reportedAt = Hl7Time.parse(obr.value(22), zone);
        var summary = ObservationSummary.of(observations);
        return Optional.of(new ResultExtract(position,
                patient.medicalRecordNumber(), patient.medicalRecordNumber() == null ? null : patient.assigningAuthority(),
                patient.nationalId() == null ? null : patient.nationalId().toUpperCase(Locale.ROOT), patient.name(),
                orderNumber(obr, orc, 2), orderNumber(obr, orc, 3),
                blankToNull(header.receivingFacility()), blankToNull(header.sendingFacility()),
                blankToNull(header.sendingApplication()),
                blankToNull(obr.component(4, 1)), blankToNull(obr.component(4, 2)), blankToNull(obr.component(4, 3)),
                blankToNull(obr.value(24)),
                Hl7Time.parse(obr.value(7), zone), reportedAt != null ? reportedAt : sentAt, status,
                summary.abnormal(), summary.critical(), summary.summary()));
    }

    /** OBR-2/OBR-3 (placer/filler), else the same field of the order's ORC: some 2.3 HIS fill only ORC. */
    private static String orderNumber(Hl7Segment obr, Hl7Segment orc, int field) {
        String number = obr.value(field);
        if (number.isEmpty() && orc != null) {
            number = orc.value(field);
        }
        return blankToNull(number);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
