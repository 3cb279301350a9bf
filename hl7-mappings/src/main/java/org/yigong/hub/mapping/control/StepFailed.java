package org.yigong.hub.mapping.control;

/**
 * A statement refuses a message, with a sentence for hospital IT; the mapping adds file and line
 * when it turns this into a {@link org.yigong.hub.mapping.TranslationFailed}.
 */
final class StepFailed extends Exception {

    private static final long serialVersionUID = 1L;

    StepFailed(String sentence) {
        super(sentence, null, false, false);
    }
}
