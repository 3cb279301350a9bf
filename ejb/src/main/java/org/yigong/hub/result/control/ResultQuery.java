package org.yigong.hub.result.control;

import org.yigong.hub.inbound.control.Hl7Time;
import org.yigong.hub.inbound.control.Hl7Delimiters;
import org.yigong.hub.inbound.control.Hl7Segment;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yigong.hub.inbound.control.Hl7Error;
import org.yigong.hub.inbound.control.Hl7ErrorCode;
import org.yigong.hub.inbound.control.MessageHeader;
import org.yigong.hub.inbound.control.MessageRejected;
import org.yigong.hub.result.PatientKey;
import org.yigong.hub.result.entity.IndexedResult;

/**
 * The result index as an HL7 query (结果互认查询): reads a {@code QBP^Q11^QBP_Q11} and writes its
 * {@code RSP^K11^RSP_K11} answer. Pure text in, text out; running the query is the caller's.
 *
 * <p>Query profile {@value #PROFILE} (QPD-1 {@code YG_RESULTS^结果互认查询^YIGONG}), versions 2.4 to 2.5.1:
 * <pre>
 * QPD-1  message query name     YG_RESULTS^结果互认查询^YIGONG (only the code is compared)
 * QPD-2  query tag              required, echoed in QAK-1
 * QPD-3  patient (CX, repeats)  KHZ0012345^^^TWN_KHZ^MR, or 150525196903150428^^^CHN^NI; an id of type NI or
 *                               authority CHN is the national ID and wins; otherwise the first MRN, of its
 *                               authority (CX-4), of the querying facility (MSH-4) when CX-4 is empty
 * QPD-4  service (CE/CWE)       optional; county code (first component), matched exactly
 * QPD-5  reported from (DTM)    optional; inclusive; without offset in the hub's time zone
 * RCP-2  quantity (CQ)          optional; 10^RD, at most {@value ResultIndex#MAX_LIMIT}, default {@value ResultIndex#DEFAULT_LIMIT}
 * </pre>
 * The answer, always version 2.5.1 with the query's delimiters and character set (MSH-18):
 * <pre>
 * MSH  sender and receiver of the query swapped, the caller's control id
 * MSA  AA (AE for a query the hub cannot run) | query MSH-10
 * ERR  only with AE: location (QPD^1^3), code (table 0357), severity E, explanation in ERR-8
 * QAK  tag | OK, NF (nothing found) or AE | QPD-1 as sent | number of results in this answer
 * QPD  as sent
 * then per result, newest first:
 * PID  set id | | MRN^^^authority^MR ~ national ID^^^CHN^NI | | name (as one family name, 王雪梅)
 * ORC  RE | placer order | filler order^performing application | ... ORC-21 ordering facility (XON-1)
 * OBR  set id | placer | filler^performing application | service code^name^system | OBR-7 observed |
 *      OBR-22 reported | OBR-24 diagnostic service | OBR-25 status F or C
 * OBX  1 | TX | SUMMARY^结果摘要^YIGONG | | summary | | | OBX-8 AA critical, A abnormal, N normal |
 *      OBX-11 status | OBX-23 performing facility (XON-1; the 2.5 field for the performing organisation)
 * </pre>
 * Patient and result values are escaped for the delimiters; nothing the hub writes can break the
 * receiver's parsing.
 */
public final class ResultQuery {

    public static final String PROFILE = "YG_RESULTS";
    public static final Set<String> VERSIONS = Set.of("2.4", "2.5", "2.5.1");
    static final String ANSWER_VERSION = "2.5.1";
    static final String SUMMARY_OBSERVATION = "SUMMARY^结果摘要^YIGONG";

    /**
     * A query as read: what to answer to ({@code header}), and either what to find or why it cannot
     * be run ({@code error}). The raw QPD and QPD-1 are kept as sent, to be echoed.
     */
    public record Request(MessageHeader header, String queryTag, String rawQueryName, String rawQpd,
                          PatientKey patient, String serviceCode, Instant from, int limit, Hl7Error error) {

        /** Whether the query can be run; if not, {@link #answer} says why (AE). */
        public boolean valid() {
            return error == null;
        }
    }

    private final ZoneId zone;

    /** @param zone the hub's time zone, for HL7 times without offset and for the times it writes */
    public ResultQuery(ZoneId zone) {
        this.zone = zone;
    }

    /** Reads a query message (segments separated by CR; LF and CRLF tolerated). Never throws for content. */
    public Request parse(String text) {
        MessageHeader header;
        try {
            header = MessageHeader.read(text);
        } catch (MessageRejected e) {
            return invalid(MessageHeader.UNKNOWN, null, e.error());
        }
        var delimiters = Hl7Delimiters.of(header);
        List<Hl7Segment> segments = Hl7Segment.all(text, delimiters);
        Hl7Segment qpd = segments.stream().filter(s -> s.is("QPD")).findFirst().orElse(null);
        Hl7Error problem = messageProblem(header);
        if (problem == null && qpd == null) {
            problem = new Hl7Error(Hl7ErrorCode.SEGMENT_SEQUENCE_ERROR, "QPD^1", "the query has no QPD segment");
        }
        if (problem != null) {
            return invalid(header, qpd, problem);
        }
        String tag = qpd.value(2);
        if (!PROFILE.equals(qpd.component(1, 1))) {
            return invalid(header, qpd, Hl7Error.at("QPD", 1, Hl7ErrorCode.TABLE_VALUE_NOT_FOUND,
                    "unknown query; the hub answers " + PROFILE + "^结果互认查询^YIGONG"));
        }
        if (tag.isEmpty()) {
            return invalid(header, qpd, Hl7Error.at("QPD", 2, Hl7ErrorCode.REQUIRED_FIELD_MISSING, "QPD-2 query tag is required"));
        }
        PatientKey patient;
        try {
            patient = patient(qpd, header);
        } catch (QueryProblem e) {
            return invalid(header, qpd, e.error);
        }
        Instant from = Hl7Time.parse(qpd.component(5, 1), zone);
        if (from == null && !qpd.component(5, 1).isEmpty()) {
            return invalid(header, qpd, Hl7Error.at("QPD", 5, Hl7ErrorCode.DATA_TYPE_ERROR,
                    "QPD-5 must be a date/time (YYYYMMDD[HHMM[SS]])"));
        }
        Hl7Segment rcp = segments.stream().filter(s -> s.is("RCP")).findFirst().orElse(null);
        int limit;
        try {
            limit = limit(rcp);
        } catch (QueryProblem e) {
            return invalid(header, qpd, e.error);
        }
        String service = qpd.component(4, 1);
        return new Request(header, tag, qpd.raw(1), qpd.text(), patient, service.isEmpty() ? null : service, from, limit, null);
    }

    /**
     * The RSP^K11 for a query and the results found for it (ignored for a query that is not
     * {@linkplain Request#valid() valid}).
     *
     * @param controlId the answer's own MSH-10
     */
    public String answer(Request request, List<IndexedResult> results, String controlId, Instant now) {
        MessageHeader in = request.header();
        var d = Hl7Delimiters.of(in);
        List<IndexedResult> found = request.valid() ? results : List.of();
        StringBuilder out = new StringBuilder(512 + 400 * found.size());

        List<String> msh = new ArrayList<>(List.of("MSH", d.encodingCharacters(),
                orDefault(in.receivingApplication(), "YIGONG_HUB"), in.receivingFacility(),
                in.sendingApplication(), in.sendingFacility(), Hl7Time.format(now, zone), "",
                "RSP" + d.component() + "K11" + d.component() + "RSP_K11", d.escape(controlId),
                orDefault(in.processingId(), "P"), ANSWER_VERSION));
        if (!in.characterSet().isEmpty()) {
            while (msh.size() < 17) {
                msh.add("");
            }
            msh.add(in.characterSet());
        }
        out.append(String.join(String.valueOf(d.field()), msh)).append('\r');

        Hl7Error error = request.error();
        if (error == null) {
            segment(out, d, "MSA", "AA", d.escape(in.controlId()));
        } else {
            segment(out, d, "MSA", "AE", d.escape(in.controlId()), d.escape(error.text()));
            segment(out, d, "ERR", "", error.location().replace('^', d.component()),
                    components(d, String.valueOf(error.code().code()), error.code().text(), "HL70357"),
                    "E", "", "", "", d.escape(error.text()));
        }
        String status = error != null ? "AE" : found.isEmpty() ? "NF" : "OK";
        segment(out, d, "QAK", d.escape(nullToEmpty(request.queryTag())), status, nullToEmpty(request.rawQueryName()),
                error != null ? "" : String.valueOf(found.size()));
        out.append(request.rawQpd() == null ? "QPD" : request.rawQpd()).append('\r');

        int setId = 1;
        for (IndexedResult result : found) {
            result(out, d, setId++, result);
        }
        return out.toString();
    }

    private void result(StringBuilder out, Hl7Delimiters d, int setId, IndexedResult r) {
        List<String> ids = new ArrayList<>();
        if (r.getPatientMrn() != null) {
            ids.add(components(d, d.escape(r.getPatientMrn()), "", "", d.escape(r.getMrnAuthority()), "MR"));
        }
        if (r.getNationalId() != null) {
            ids.add(components(d, d.escape(r.getNationalId()), "", "", "CHN", "NI"));
        }
        String filler = components(d, d.escape(r.getFillerOrder()), d.escape(r.getPerformingApplication()));
        if (r.getFillerOrder() == null) {
            filler = "";
        }
        String placer = d.escape(r.getPlacerOrder());
        segment(out, d, "PID", String.valueOf(setId), "", String.join(String.valueOf(d.repetition()), ids), "",
                d.escape(r.getPatientName()));
        String[] orc = fields(21);
        orc[1] = "RE";
        orc[2] = placer;
        orc[3] = filler;
        orc[21] = d.escape(r.getOrderingFacility());
        segment(out, d, "ORC", Arrays.copyOfRange(orc, 1, orc.length));
        String[] obr = fields(25);
        obr[1] = String.valueOf(setId);
        obr[2] = placer;
        obr[3] = filler;
        obr[4] = components(d, d.escape(r.getServiceCode()), d.escape(r.getServiceName()), d.escape(r.getServiceCodingSystem()));
        obr[7] = Hl7Time.format(r.getObservedAt(), zone);
        obr[22] = Hl7Time.format(r.getReportedAt(), zone);
        obr[24] = d.escape(r.getDiagnosticService());
        obr[25] = d.escape(r.getStatus());
        segment(out, d, "OBR", Arrays.copyOfRange(obr, 1, obr.length));
        String[] obx = fields(23);
        obx[1] = "1";
        obx[2] = "TX";
        obx[3] = SUMMARY_OBSERVATION.replace('^', d.component());
        obx[5] = d.escape(r.getSummary());
        obx[8] = r.isCritical() ? "AA" : r.isAbnormal() ? "A" : "N";
        obx[11] = d.escape(r.getStatus());
        obx[23] = d.escape(r.getPerformingFacility());
        segment(out, d, "OBX", Arrays.copyOfRange(obx, 1, obx.length));
    }

    /** What is wrong with the header for this profile, or null. */
    private static Hl7Error messageProblem(MessageHeader header) {
        if (!"QBP".equals(header.messageType())) {
            return Hl7Error.at("MSH", 9, Hl7ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "only QBP^Q11 queries are answered here");
        }
        if (!"Q11".equals(header.triggerEvent())) {
            return Hl7Error.at("MSH", 9, Hl7ErrorCode.UNSUPPORTED_EVENT_CODE, "only QBP^Q11 queries are answered here");
        }
        if (!VERSIONS.contains(header.version())) {
            return Hl7Error.at("MSH", 12, Hl7ErrorCode.UNSUPPORTED_VERSION_ID, "the result query is answered in versions 2.4 to 2.5.1");
        }
        return null;
    }

    /**
     * QPD-3: a national ID (type NI or authority CHN) when one of its repetitions is one, else the
     * first MRN with its authority.
     */
    private static PatientKey patient(Hl7Segment qpd, MessageHeader header) throws QueryProblem {
        String mrn = null;
        String mrnAuthority = null;
        try {
            for (String cx : qpd.repetitions(3)) {
                String id = qpd.component(cx, 1);
                String authority = qpd.component(cx, 4);
                if (id.isEmpty()) {
                    continue;
                }
                if ("NI".equalsIgnoreCase(qpd.component(cx, 5)) || "CHN".equalsIgnoreCase(authority)) {
                    return PatientKey.ofNationalId(id);
                }
                if (mrn == null) {
                    mrn = id;
                    // as the message store reads PID-3: an MRN without authority is the sender's own
                    mrnAuthority = authority.isEmpty() ? header.sendingFacility() : authority;
                }
            }
            if (mrn == null) {
                throw new QueryProblem(Hl7Error.at("QPD", 3, Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                        "QPD-3 must name the patient: an MRN with its authority (type MR) or the national ID (type NI, authority CHN)"));
            }
            return PatientKey.ofMrn(mrn, mrnAuthority);
        } catch (IllegalArgumentException e) {
            throw new QueryProblem(Hl7Error.at("QPD", 3, Hl7ErrorCode.DATA_TYPE_ERROR, "QPD-3: " + e.getMessage()));
        }
    }

    /** RCP-2 (CQ): a number of records (RD), capped at the index's maximum. */
    private static int limit(Hl7Segment rcp) throws QueryProblem {
        String quantity = rcp == null ? "" : rcp.component(2, 1);
        String unit = rcp == null ? "" : rcp.component(2, 2);
        if (quantity.isEmpty()) {
            return ResultIndex.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(quantity);
            if (limit > 0 && (unit.isEmpty() || "RD".equalsIgnoreCase(unit))) {
                return Math.min(limit, ResultIndex.MAX_LIMIT);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new QueryProblem(Hl7Error.at("RCP", 2, Hl7ErrorCode.DATA_TYPE_ERROR,
                "RCP-2 must be a number of records, e.g. 10^RD"));
    }

    private static Request invalid(MessageHeader header, Hl7Segment qpd, Hl7Error error) {
        return new Request(header, qpd == null ? null : qpd.value(2), qpd == null ? null : qpd.raw(1),
                qpd == null ? null : qpd.text(), null, null, null, 0, error);
    }

    /** Appends a segment; empty fields at its end are left out. */
    private static void segment(StringBuilder out, Hl7Delimiters d, String name, String... fields) {
        int last = fields.length;
        while (last > 0 && (fields[last - 1] == null || fields[last - 1].isEmpty())) {
            last--;
        }
        out.append(name);
        for (int i = 0; i < last; i++) {
            out.append(d.field()).append(fields[i] == null ? "" : fields[i]);
        }
        out.append('\r');
    }

    /** Components of a field, already escaped; empty components at its end are left out. */
    private static String components(Hl7Delimiters d, String... values) {
        int last = values.length;
        while (last > 0 && (values[last - 1] == null || values[last - 1].isEmpty())) {
            last--;
        }
        return String.join(String.valueOf(d.component()), Arrays.copyOf(values, last));
    }

    /** Fields 0..n of a segment, all empty; index = field number. */
    private static String[] fields(int n) {
        String[] fields = new String[n + 1];
        Arrays.fill(fields, "");
        return fields;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A query the hub cannot run, with the ERR that says why. */
    private static final class QueryProblem extends Exception {
        private final transient Hl7Error error;

        QueryProblem(Hl7Error error) {
            super(error.text(), null, false, false);
            this.error = error;
        }
    }
}
