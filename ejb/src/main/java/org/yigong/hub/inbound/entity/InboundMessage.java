package org.yigong.hub.inbound.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One HL7 v2 message as a sender delivered it, and what the hub answered.
 *
 * <p>Lifecycle: created when a frame arrives, already judged: {@link MessageStatus#RECEIVED} (AA),
 * {@link MessageStatus#ERROR} (AE) or {@link MessageStatus#REJECTED} (AR); the ACK text sent is
 * stored with it, so that a resend of an accepted message gets exactly the same answer. Routing
 * moves accepted messages on from RECEIVED.
 *
 * <p>The raw bytes are kept exactly as received, the decoded text beside them with the charset
 * used. Searchable keys (MSH fields, patient identifiers) are columns. Only accepted messages
 * carry a deduplication key (sending application | sending facility | control id): a sender that
 * fixes a rejected message may send it again with the same control id.
 */
@Entity
@Table(name = "HUB_MESSAGE", indexes = {
        @Index(name = "HUB_MESSAGE_RECEIVED_IDX", columnList = "RECEIVED_AT"),
        @Index(name = "HUB_MESSAGE_CONTROL_IDX", columnList = "CONTROL_ID"),
        @Index(name = "HUB_MESSAGE_PATIENT_IDX", columnList = "PATIENT_ID"),
        @Index(name = "HUB_MESSAGE_NATIONAL_IDX", columnList = "NATIONAL_ID"),
        @Index(name = "HUB_MESSAGE_STATUS_IDX", columnList = "STATUS, ID"),
        @Index(name = "HUB_MESSAGE_DEDUP_UK", columnList = "DEDUP_KEY", unique = true)})
@NamedQuery(name = InboundMessage.ACCEPTED_BY_DEDUP_KEY,
        query = "select m.dedupKey, m.id, m.ackText, m.charset from InboundMessage m where m.dedupKey in :keys")
@NamedQuery(name = InboundMessage.COUNT_DUPLICATE,
        query = "update InboundMessage m set m.duplicateCount = m.duplicateCount + 1 where m.id = :id")
@NamedQuery(name = InboundMessage.ROUTED,
        query = "update InboundMessage m set m.status = :status where m.id = :id")
@NamedQuery(name = InboundMessage.NOT_ROUTED,
        query = "update InboundMessage m set m.status = :status, m.errorText = :error where m.id = :id")
public class InboundMessage {

    public static final String ACCEPTED_BY_DEDUP_KEY = "InboundMessage.acceptedByDedupKey";
    public static final String COUNT_DUPLICATE = "InboundMessage.countDuplicate";
    /**
     * The router's outcome, written as a statement of its own: a resend arriving at the same time
     * raises the duplicate count the same way, and neither may overwrite the other's column.
     */
    public static final String ROUTED = "InboundMessage.routed";
    /** The router's outcome when routing failed, with why. */
    public static final String NOT_ROUTED = "InboundMessage.notRouted";

    @Id
    @SequenceGenerator(name = "HUB_MESSAGE_SEQ", sequenceName = "HUB_MESSAGE_SEQ", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "HUB_MESSAGE_SEQ")
    @Column(name = "ID")
    private Long id;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private int rowVersion;

    @Column(name = "CHANNEL", nullable = false, length = 40)
    private String channel;

    @Column(name = "RECEIVED_AT", nullable = false)
    private Instant receivedAt;

    @Column(name = "REMOTE_ADDRESS", length = 64)
    private String remoteAddress;

    @Column(name = "RAW_BYTES", nullable = false)
    private byte[] rawBytes;

    @Column(name = "RAW_TEXT")
    private String rawText;

    @Column(name = "CHARSET", length = 40)
    private String charset;

    @Column(name = "SENDING_APP", length = 180)
    private String sendingApplication;

    @Column(name = "SENDING_FACILITY", length = 180)
    private String sendingFacility;

    @Column(name = "RECEIVING_APP", length = 180)
    private String receivingApplication;

    @Column(name = "RECEIVING_FACILITY", length = 180)
    private String receivingFacility;

    @Column(name = "MESSAGE_TYPE", length = 20)
    private String messageType;

    @Column(name = "MESSAGE_STRUCTURE", length = 20)
    private String messageStructure;

    @Column(name = "CONTROL_ID", length = 200)
    private String controlId;

    @Column(name = "HL7_VERSION", length = 20)
    private String hl7Version;

    @Column(name = "PROCESSING_ID", length = 10)
    private String processingId;

    @Column(name = "DEDUP_KEY", length = 600)
    private String dedupKey;

    @Column(name = "PATIENT_ID", length = 64)
    private String patientId;

    @Column(name = "PATIENT_ID_AUTHORITY", length = 100)
    private String patientIdAuthority;

    @Column(name = "NATIONAL_ID", length = 40)
    private String nationalId;

    @Column(name = "PATIENT_NAME", length = 200)
    private String patientName;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private MessageStatus status;

    @Column(name = "ACK_CODE", length = 2)
    private String ackCode;

    @Column(name = "ACK_TEXT", length = 4000)
    private String ackText;

    @Column(name = "ERROR_CODE")
    private Integer errorCode;

    @Column(name = "ERROR_LOCATION", length = 40)
    private String errorLocation;

    @Column(name = "ERROR_TEXT", length = 1000)
    private String errorText;

    @Column(name = "DUPLICATE_COUNT", nullable = false)
    private int duplicateCount;

    protected InboundMessage() {
    }

    /** A message as received, before it is judged; {@link #judge} must follow before it is stored. */
    public InboundMessage(String channel, Instant receivedAt, String remoteAddress, byte[] rawBytes) {
        this.channel = channel;
        this.receivedAt = receivedAt;
        this.remoteAddress = remoteAddress;
        this.rawBytes = rawBytes;
    }

    public void decoded(String charset, String rawText) {
        this.charset = charset;
        this.rawText = rawText;
    }

    public void header(String sendingApplication, String sendingFacility, String receivingApplication,
                       String receivingFacility, String messageType, String messageStructure, String controlId,
                       String hl7Version, String processingId) {
        this.sendingApplication = cut(sendingApplication, 180);
        this.sendingFacility = cut(sendingFacility, 180);
        this.receivingApplication = cut(receivingApplication, 180);
        this.receivingFacility = cut(receivingFacility, 180);
        this.messageType = cut(messageType, 20);
        this.messageStructure = cut(messageStructure, 20);
        this.controlId = cut(controlId, 200);
        this.hl7Version = cut(hl7Version, 20);
        this.processingId = cut(processingId, 10);
    }

    public void patient(String patientId, String patientIdAuthority, String nationalId, String patientName) {
        this.patientId = cut(patientId, 64);
        this.patientIdAuthority = cut(patientIdAuthority, 100);
        this.nationalId = cut(nationalId, 40);
        this.patientName = cut(patientName, 200);
    }

    /** Sets the outcome: accepted messages (no error) become deduplicable by their MSH keys. */
    public void judge(MessageStatus status, Integer errorCode, String errorLocation, String errorText) {
        this.status = status;
        this.errorCode = errorCode;
        this.errorLocation = cut(errorLocation, 40);
        this.errorText = cut(errorText, 1000);
        this.dedupKey = status == MessageStatus.RECEIVED ? dedupKey(sendingApplication, sendingFacility, controlId) : null;
    }

    /** Records the acknowledgement that is sent once this row is committed. */
    public void acknowledged(String ackCode, String ackText) {
        this.ackCode = ackCode;
        this.ackText = ackText;
    }

    /** The key under which a message counts as "already received". */
    public static String dedupKey(String sendingApplication, String sendingFacility, String controlId) {
        return cut(nullToEmpty(sendingApplication) + '|' + nullToEmpty(sendingFacility) + '|' + nullToEmpty(controlId), 600);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    public Long getId() {
        return id;
    }

    public String getChannel() {
        return channel;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public byte[] getRawBytes() {
        return rawBytes;
    }

    public String getRawText() {
        return rawText;
    }

    public String getCharset() {
        return charset;
    }

    public String getSendingApplication() {
        return sendingApplication;
    }

    public String getSendingFacility() {
        return sendingFacility;
    }

    public String getReceivingApplication() {
        return receivingApplication;
    }

    public String getReceivingFacility() {
        return receivingFacility;
    }

    public String getMessageType() {
        return messageType;
    }

    public String getMessageStructure() {
        return messageStructure;
    }

    public String getControlId() {
        return controlId;
    }

    public String getHl7Version() {
        return hl7Version;
    }

    public String getProcessingId() {
        return processingId;
    }

    public String getDedupKey() {
        return dedupKey;
    }

    public String getPatientId() {
        return patientId;
    }

    public String getPatientIdAuthority() {
        return patientIdAuthority;
    }

    public String getNationalId() {
        return nationalId;
    }

    public String getPatientName() {
        return patientName;
    }

    public MessageStatus getStatus() {
        return status;
    }

    public String getAckCode() {
        return ackCode;
    }

    public String getAckText() {
        return ackText;
    }

    public Integer getErrorCode() {
        return errorCode;
    }

    public String getErrorLocation() {
        return errorLocation;
    }

    public String getErrorText() {
        return errorText;
    }

    public int getDuplicateCount() {
        return duplicateCount;
    }
}
