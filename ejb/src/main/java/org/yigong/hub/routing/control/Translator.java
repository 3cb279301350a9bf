package org.yigong.hub.routing.control;

/**
 * Turns a received message into what an endpoint expects, by a named mapping of hl7-mappings.
 * Implemented over the mapping interpreter; a route without a mapping passes the text unchanged.
 */
public interface Translator {

    /** The translation failed (an unknown code, a broken mapping): why, for hospital IT. */
    final class Failed extends Exception {
        public Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Names of the mappings that exist, for checking routes at start. */
    java.util.Set<String> mappings();

    /**
     * @param normalizedText the received message, segments separated by carriage returns
     * @return the translated message text, segments separated by carriage returns
     */
    String translate(String mapping, String normalizedText) throws Failed;
}
