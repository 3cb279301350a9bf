package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;

/**
 * {@code version <v>}: the translated message declares version {@code v} in MSH-12. Its content is
 * not converted: it was parsed into the 2.5.1 structures and is encoded from them, which every
 * version from 2.3 to 2.5.1 reads (later versions only add fields and components at the end).
 */
final class SetVersion implements Statement {

    private static final FieldPath MSH_12 = new FieldPath("MSH", 12, 0, 1, 1);

    private final String version;

    SetVersion(String version) {
        this.version = version;
    }

    @Override
    public void apply(Message message, Guard guard) throws HL7Exception {
        if (guard.allows(message, null, null)) {
            Terser.set((Segment) message.get("MSH"), 12, 0, 1, 1, version);
        }
    }

    @Override
    public void apply(TextMessage message, Guard guard) throws NeedsStructure {
        if (guard.allows(message, null, null)) {
            MSH_12.write(message.first("MSH"), version);
        }
    }
}
