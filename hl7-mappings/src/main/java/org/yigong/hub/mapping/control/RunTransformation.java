package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import org.yigong.hub.mapping.Transformation;

/** {@code escape <class name>}: applies a {@link Transformation} at this point of the mapping. */
final class RunTransformation implements Statement {

    private final Transformation transformation;

    RunTransformation(Transformation transformation) {
        this.transformation = transformation;
    }

    @Override
    public void apply(Message message, Guard guard) throws HL7Exception {
        if (guard.allows(message, null, null)) {
            transformation.apply(message);
        }
    }

    /** A transformation works on HAPI's structures only. */
    @Override
    public void apply(TextMessage message, Guard guard) throws NeedsStructure {
        throw new NeedsStructure("escape " + transformation.getClass().getName());
    }

    @Override
    public boolean worksOnText(FieldTypes types) {
        return false;
    }
}
