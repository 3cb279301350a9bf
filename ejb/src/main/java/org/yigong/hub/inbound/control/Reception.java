package org.yigong.hub.inbound.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.yigong.hub.inbound.entity.InboundMessage;
import org.yigong.hub.inbound.entity.MessageStatus;

/**
 * The hub's judgement of one arrived frame, made before anything is stored: the message to store,
 * and the ACK code and error to answer with once it is stored.
 *
 * <p>Order matters. The charset comes first (MSH-18, else the channel's default), and the bytes are
 * decoded before any splitting, because GBK/GB18030 trail bytes can equal {@code |}, {@code ^},
 * {@code ~} or {@code \}. Then the header decides acceptance (AR), then content is checked (AE):
 * bytes invalid in the charset, then HAPI's parse into the canonical model.
 */
public final class Reception {

    private final InboundMessage message;
    private final MessageHeader header;
    private final Charset charset;
    private final AckCode ackCode;
    private final Hl7Error error;

    private Reception(InboundMessage message, MessageHeader header, Charset charset, AckCode ackCode, Hl7Error error) {
        this.message = message;
        this.header = header;
        this.charset = charset;
        this.ackCode = ackCode;
        this.error = error;
        MessageStatus status = switch (ackCode) {
            case AA -> MessageStatus.RECEIVED;
            case AE -> MessageStatus.ERROR;
            case AR -> MessageStatus.REJECTED;
        };
        message.judge(status, error == null ? null : error.code().code(), error == null ? null : error.location(),
                error == null ? null : error.text());
    }

    private record Decoded(String text, boolean valid) {
    }

    public static Reception examine(Arrival arrival, CanonicalParser parser) {
        Channel channel = arrival.channel();
        var message = new InboundMessage(channel.name(), arrival.receivedAt(), arrival.remoteAddress(), arrival.bytes());
        Charset charset = channel.charset();
        MessageHeader header = MessageHeader.UNKNOWN;
        try {
            String msh18 = msh18(arrival.bytes());
            Charset named = msh18.isEmpty() ? unlabelled(arrival.bytes(), channel) : Hl7Charsets.forMsh18(msh18).orElse(null);
            Decoded decoded = decode(arrival.bytes(), named == null ? channel.charset() : named);
            charset = named == null ? channel.charset() : named;
            message.decoded(Hl7Charsets.label(charset), decoded.text());
            header = MessageHeader.read(decoded.text());
            recordHeader(message, header);
            if (named == null) {
                throw new MessageRejected(Hl7Error.at("MSH", 18, Hl7ErrorCode.TABLE_VALUE_NOT_FOUND,
                        "MSH-18 names a character set the hub does not know (HL7 table 0211, e.g. GB 18030-2000 or UNICODE UTF-8)"));
            }
            if (arrival.truncated()) {
                throw new MessageRejected(new Hl7Error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, "",
                        "the message is larger than channel " + channel.name() + " takes (max-message-bytes "
                                + channel.maxMessageBytes() + "); only its beginning was kept"));
            }
            admit(header, channel);
            String normalized = normalize(decoded.text());
            PatientIdentity patient = PatientIdentity.of(normalized, header);
            message.patient(patient.medicalRecordNumber(), patient.assigningAuthority(), patient.nationalId(), patient.name());
            if (!decoded.valid()) {
                throw new MessageInError(new Hl7Error(Hl7ErrorCode.DATA_TYPE_ERROR, "",
                        "the message contains bytes that are not valid " + charset.name()
                                + " (check MSH-18 or the channel's default charset)"));
            }
            parser.parse(normalized);
            return new Reception(message, header, charset, AckCode.AA, null);
        } catch (MessageRejected e) {
            return new Reception(message, header, charset, AckCode.AR, e.error());
        } catch (MessageInError e) {
            return new Reception(message, header, charset, AckCode.AE, e.error());
        } catch (RuntimeException e) {
            // whatever a sender's bytes do to the code above, they get an answer and are stored
            return new Reception(message, header, charset, AckCode.AE, new Hl7Error(Hl7ErrorCode.APPLICATION_INTERNAL_ERROR, "",
                    "the hub could not read the message (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** The charset of a message without MSH-18: the channel's, or UTF-8 when the bytes can only be that. */
    private static Charset unlabelled(byte[] bytes, Channel channel) {
        if (!channel.detectUtf8() || channel.charset().equals(StandardCharsets.UTF_8) || isAscii(bytes)) {
            return channel.charset();
        }
        return decode(bytes, StandardCharsets.UTF_8).valid() ? StandardCharsets.UTF_8 : channel.charset();
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static void recordHeader(InboundMessage message, MessageHeader header) {
        message.header(header.sendingApplication(), header.sendingFacility(), header.receivingApplication(),
                header.receivingFacility(), header.typeAndTrigger(), header.messageStructure(),
                header.controlId(), header.version(), header.processingId());
    }

    /** The MSH-18 value, read from the bytes: the header fields before it are ASCII in practice. */
    static String msh18(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != '\r' && bytes[end] != '\n') {
            end++;
        }
        String msh = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        if (msh.length() < 8 || !msh.startsWith("MSH")) {
            return "";
        }
        String[] fields = MessageHeader.split(msh, msh.charAt(3));
        if (fields.length < 18 || fields[1].length() < 2) {
            return "";
        }
        return MessageHeader.component(fields[17], fields[1].charAt(0), fields[1].charAt(1), -1);
    }

    /**
     * Strict decoding: bytes that are not valid in the charset make the message AE (stored with the
     * best-effort text), rather than silently turning a patient's name into replacement characters.
     */
    private static Decoded decode(byte[] bytes, Charset charset) {
        try {
            return new Decoded(charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString(), true);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, charset), false);
        }
    }

    private static void admit(MessageHeader header, Channel channel) throws MessageRejected {
        if (header.controlId().isEmpty()) {
            throw new MessageRejected(Hl7Error.at("MSH", 10, Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "MSH-10 (message control id) is empty: the hub cannot acknowledge or deduplicate the message"));
        }
        if (header.messageType().isEmpty()) {
            throw new MessageRejected(Hl7Error.at("MSH", 9, Hl7ErrorCode.REQUIRED_FIELD_MISSING,
                    "MSH-9 (message type) is empty"));
        }
        if (!MessageHeader.SUPPORTED_VERSIONS.contains(header.version())) {
            throw new MessageRejected(Hl7Error.at("MSH", 12, Hl7ErrorCode.UNSUPPORTED_VERSION_ID,
                    "HL7 version '" + header.version() + "' is not supported; the hub takes 2.3, 2.3.1, 2.4, 2.5 and 2.5.1"));
        }
        if (!header.processingId().isEmpty() && !"PTD".contains(header.processingId())) {
            throw new MessageRejected(Hl7Error.at("MSH", 11, Hl7ErrorCode.UNSUPPORTED_PROCESSING_ID,
                    "MSH-11 (processing id) must be P, T or D"));
        }
        if (!channel.accepts(header.sendingFacility())) {
            throw new MessageRejected(Hl7Error.at("MSH", 4, Hl7ErrorCode.TABLE_VALUE_NOT_FOUND,
                    "sending facility '" + header.sendingFacility() + "' is not configured on channel " + channel.name()));
        }
    }

    /**
     * Some senders end segments with \n or \r\n; HL7 and HAPI expect \r. The stored text keeps
     * what was sent; whatever reads its segments reads it through this.
     */
    public static String normalize(String text) {
        return text.replace("\r\n", "\r").replace('\n', '\r');
    }

    public InboundMessage message() {
        return message;
    }

    public MessageHeader header() {
        return header;
    }

    /** The charset the message was decoded with; the ACK is encoded in it too. */
    public Charset charset() {
        return charset;
    }

    public AckCode ackCode() {
        return ackCode;
    }

    public Hl7Error error() {
        return error;
    }

    /** Whether this message, once stored, is "the" message for its sender and control id. */
    public boolean accepted() {
        return ackCode == AckCode.AA;
    }
}
