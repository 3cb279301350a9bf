package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import org.yigong.hub.mapping.Transformation;

/** An escape hatch for tests that cannot transform anything. */
public class RefuseEverything implements Transformation {

    @Override
    public void apply(Message message) throws HL7Exception {
        throw new HL7Exception("the receiving system's rules are not known yet");
    }
}
