package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;

/** One statement of a mapping file, carried out on the translation's own copy of a message. */
interface Statement {

    /**
     * @param guard the {@code when} written before the statement, or {@link Guard#ALWAYS}
     * @throws StepFailed when the statement refuses this message (an unknown code with {@code else error})
     * @throws HL7Exception when HAPI cannot do what the statement asks
     */
    void apply(Message message, Guard guard) throws HL7Exception, StepFailed;
}
