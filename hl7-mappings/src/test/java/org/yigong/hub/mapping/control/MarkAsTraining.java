package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import org.yigong.hub.mapping.Transformation;

/** An escape hatch for tests: marks a message as training traffic (MSH-11 = T). */
public class MarkAsTraining implements Transformation {

    @Override
    public void apply(Message message) throws HL7Exception {
        Terser.set((Segment) message.get("MSH"), 11, 0, 1, 1, "T");
    }
}
