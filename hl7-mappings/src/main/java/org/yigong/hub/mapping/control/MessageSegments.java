package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.AbstractGroup;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.util.Terser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The segments of a parsed message by name, wherever the structure put them: an OBX in every
 * observation group, a Z-segment HAPI kept as a non-standard segment of the group it came in.
 * A mapping statement applies to every occurrence, because a message with two orders or five
 * charges needs each of them translated.
 */
final class MessageSegments {

    private MessageSegments() {
    }

    /** Every non-empty segment with this name, in message order. */
    static List<Segment> all(Message message, String name) throws HL7Exception {
        List<Segment> found = new ArrayList<>();
        collect(message, name, found);
        return found;
    }

    static Optional<Segment> first(Message message, String name) throws HL7Exception {
        List<Segment> found = all(message, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * Adds the segment where the message structure first allows it (HAPI's {@link Terser} with
     * {@code /.}); fails for a local segment the message does not have.
     */
    static Segment create(Message message, String name) throws HL7Exception {
        return new Terser(message).getSegment("/." + name);
    }

    /**
     * Removes the segment from its group. Done on the structure rather than on the encoded text:
     * HAPI's groups can remove a repetition of any segment, standard or not, and the encoder then
     * writes nothing for it, which keeps every later statement working on the same message.
     */
    static void remove(Segment segment) throws HL7Exception {
        AbstractGroup group = (AbstractGroup) segment.getParent();
        // by identity and under the group's own name for it: a second ZSA where the structure has
        // no place for one is kept under a name such as ZSA2
        for (String child : group.getNames()) {
            Structure[] repetitions = group.getAll(child);
            for (int i = 0; i < repetitions.length; i++) {
                if (repetitions[i] == segment) {
                    group.removeRepetition(child, i);
                    return;
                }
            }
        }
    }

    private static void collect(Group group, String name, List<Segment> found) throws HL7Exception {
        for (String child : group.getNames()) {
            for (Structure structure : group.getAll(child)) {
                if (structure instanceof Group inner) {
                    collect(inner, name, found);
                } else if (structure instanceof Segment segment && segment.getName().equals(name) && !segment.isEmpty()) {
                    found.add(segment);
                }
            }
        }
    }
}
