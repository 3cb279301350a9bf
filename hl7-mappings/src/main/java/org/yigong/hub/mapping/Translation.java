package org.yigong.hub.mapping;

import ca.uhn.hl7v2.model.Message;

/**
 * One mapping of {@code hl7-mappings/src/main/resources/mappings/<name>/mapping.map}, ready to
 * translate messages for one destination: a township's order for the county RIS, a county result
 * for the ordering township, charges for the insurance platform.
 *
 * <p>A translation is immutable and may be used by any number of threads at once. It never changes
 * the message it is given: it works on a copy and returns that.
 */
public interface Translation {

    /** The mapping's name, its folder under {@code mappings/}, e.g. {@code township-imaging-order-to-county-ris}. */
    String name();

    /**
     * Translates a message parsed into the hub's canonical model (HAPI's 2.5.1 structures).
     *
     * @return a new message; {@code canonical} is left as it was. Encode it with its own parser
     *     ({@code message.encode()}), which writes no empty segment the sender did not send
     *     (HAPI's default parser adds one where a group's required first segment is missing)
     * @throws TranslationFailed when the mapping cannot be carried out for this message (an unknown
     *     code, a field HAPI cannot write): the exception names the mapping's file and line
     */
    Message apply(Message canonical) throws TranslationFailed;

    /**
     * Text in, text out, for tests and tools: parses {@code hl7} (segments separated by
     * {@code \r}, {@code \n} or {@code \r\n}) into the canonical model, translates it and encodes
     * the result with segments separated by {@code \r}.
     *
     * @throws TranslationFailed also when the text cannot be parsed (line 0)
     */
    String translate(String hl7) throws TranslationFailed;
}
