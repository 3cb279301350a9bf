package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;

/**
 * One statement of a mapping file, carried out on the translation's own copy of a message: in
 * HAPI's 2.5.1 structures, or on the message's text with the same result (see {@link TextMessage}).
 */
interface Statement {

    /**
     * @param guard the {@code when} written before the statement, or {@link Guard#ALWAYS}
     * @throws StepFailed when the statement refuses this message (an unknown code with {@code else error})
     * @throws HL7Exception when HAPI cannot do what the statement asks
     */
    void apply(Message message, Guard guard) throws HL7Exception, StepFailed;

    /**
     * The same on the text of the message.
     *
     * @throws StepFailed as {@link #apply(Message, Guard)}, with the same sentence
     * @throws NeedsStructure when only HAPI's structures give the exact result for this message
     */
    void apply(TextMessage message, Guard guard) throws StepFailed, NeedsStructure;

    /**
     * Whether the statement can be carried out on text at all; decided when the mapping is loaded,
     * and a mapping with one statement that cannot always runs in HAPI's structures.
     */
    default boolean worksOnText(FieldTypes types) {
        return true;
    }
}
