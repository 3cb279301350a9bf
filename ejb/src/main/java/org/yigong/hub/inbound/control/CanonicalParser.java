package org.yigong.hub.inbound.control;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.idgenerator.InMemoryIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.yigong.hub.mapping.Hl7Explanation;

/**
 * Parses every supported version (2.3 to 2.5.1) into HAPI's 2.5.1 structures, the hub's one
 * canonical model. Unknown and Z-segments are kept as generic segments where they occur.
 *
 * <p>One instance per thread: the HAPI context is expensive to build and the hub does not rely on
 * a parser being shared. HAPI's file-based id generator is replaced, so HAPI writes no
 * {@code id_file} into the server's working directory.
 */
public final class CanonicalParser {

    public static final String CANONICAL_VERSION = "2.5.1";

    private final PipeParser parser;

    public CanonicalParser() {
        HapiContext context = new DefaultHapiContext(new CanonicalModelClassFactory(CANONICAL_VERSION));
        context.getParserConfiguration().setIdGenerator(new InMemoryIDGenerator());
        context.setValidationContext(ValidationContextFactory.defaultValidation());
        parser = context.getPipeParser();
    }

    /** Parses a message whose segments are separated by carriage returns. */
    public Message parse(String normalizedText) throws MessageInError {
        try {
            return parser.parse(normalizedText);
        } catch (HL7Exception e) {
            throw new MessageInError(new Hl7Error(code(e), location(e.getLocation()), "cannot parse the message: " + Hl7Explanation.withoutValues(e)));
        } catch (RuntimeException e) {
            // HAPI throws unchecked exceptions for some malformed structures
            throw new MessageInError(new Hl7Error(Hl7ErrorCode.DATA_TYPE_ERROR, "",
                    "cannot parse the message: " + e.getClass().getSimpleName()));
        }
    }

    /**
     * HAPI reports values that fail validation as 207 (application internal error), which would
     * tell the sender the hub is at fault; for a message being parsed it is the data.
     */
    private static Hl7ErrorCode code(HL7Exception e) {
        Hl7ErrorCode code = Hl7ErrorCode.of(e.getErrorCode());
        return code == Hl7ErrorCode.APPLICATION_INTERNAL_ERROR ? Hl7ErrorCode.DATA_TYPE_ERROR : code;
    }

    private static String location(Location location) {
        if (location == null || location.isUnknown() || location.getSegmentName() == null) {
            return "";
        }
        StringBuilder erl = new StringBuilder(location.getSegmentName())
                .append('^').append(Math.max(1, location.getSegmentRepetition()));
        if (location.getField() > 0) {
            // HAPI counts MSH fields from MSH-2 (the separator is not a field to it); HL7 counts from MSH-1
            erl.append('^').append(location.getField() + ("MSH".equals(location.getSegmentName()) ? 1 : 0));
        }
        return erl.toString();
    }
}
