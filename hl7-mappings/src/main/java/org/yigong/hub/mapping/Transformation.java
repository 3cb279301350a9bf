package org.yigong.hub.mapping;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;

/**
 * The escape hatch of a mapping ({@code escape <class name>}): a transformation the statements of
 * a mapping file cannot express, written in Java in this module and applied where the mapping
 * names it. Prefer statements and code tables: a transformation is code, and a new township or a
 * new code must never need code.
 *
 * <p>An implementation has a public constructor without arguments; one instance is created when
 * the mappings are loaded and shared by every thread, so it must keep no state between messages.
 */
public interface Transformation {

    /**
     * Changes the message in place (it is already the translation's own copy).
     *
     * @throws HL7Exception when the message cannot be transformed; its text is shown to hospital IT
     *     and must not quote patient data
     */
    void apply(Message message) throws HL7Exception;
}
