package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import java.util.List;
import java.util.Optional;
import org.yigong.hub.mapping.Hl7Explanation;
import org.yigong.hub.mapping.Translation;
import org.yigong.hub.mapping.TranslationFailed;

/**
 * A loaded mapping file: its statements in file order, each with its line and its guard. It
 * translates a copy of the message (encoded and parsed again with its own parser), so the
 * message the hub stored is never changed, and it is immutable, so threads share it.
 *
 * <p>Text is translated on the text itself when every statement of the mapping can be ({@code
 * escape} cannot: a {@link org.yigong.hub.mapping.Transformation} takes HAPI's structures): that
 * skips HAPI's parsing and encoding, most of the time a translation took. The result is the one
 * HAPI gives, to the byte; a message whose text alone cannot tell that (see {@link TextMessage}),
 * and every {@link Message} given to {@link #apply}, goes through HAPI.
 */
final class Mapping implements Translation {

    /** One statement as written on one line, with the {@code when} before it. */
    record Step(int line, String source, Guard guard, Statement statement) {
    }

    private final String name;
    private final String file;
    private final List<Step> steps;
    private final CanonicalModel model;
    private final boolean onText;

    Mapping(String name, String file, List<Step> steps, CanonicalModel model) {
        this.name = name;
        this.file = file;
        this.steps = List.copyOf(steps);
        this.model = model;
        FieldTypes types = model.text().types();
        this.onText = this.steps.stream().allMatch(step -> step.statement().worksOnText(types) && step.guard().worksOnText(types));
    }

    @Override
    public String name() {
        return name;
    }

    String file() {
        return file;
    }

    /** Whether text is translated on the text (no statement needs HAPI's structures). */
    boolean translatesOnText() {
        return onText;
    }

    /** Failures of the text path already reported, so a faulty path does not flood the log. */
    private static final java.util.Set<String> TEXT_PATH_FAULTS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public Message apply(Message canonical) throws TranslationFailed {
        PipeParser parser = model.parser();
        String text;
        try {
            text = parser.encode(canonical);
        } catch (HL7Exception | RuntimeException e) {
            throw new TranslationFailed(name, file, 0, "the message cannot be encoded for translation: " + Hl7Explanation.withoutValues(e));
        }
        Message copy = parse(parser, text);
        run(copy);
        return copy;
    }

    @Override
    public String translate(String hl7) throws TranslationFailed {
        String text = hl7.replace("\r\n", "\r").replace('\n', '\r');
        Optional<String> translated = Optional.empty();
        if (onText) {
            try {
                translated = translateText(text);
            } catch (RuntimeException e) {
                // HAPI's translation is the reference: a message that trips the text path still gets
                // it; said once per mapping and kind of failure (never with the message's content),
                // since a fault here costs speed, not correctness, and would otherwise go unseen
                if (TEXT_PATH_FAULTS.add(name + ":" + e.getClass().getName())) {
                    java.util.logging.Logger.getLogger(Mapping.class.getName()).warning(() -> "mapping " + name
                            + ": translated through HAPI after " + e.getClass().getSimpleName() + " on the text path at "
                            + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
                }
                translated = Optional.empty();
            }
        }
        return translated.isPresent() ? translated.get() : translateStructure(text);
    }

    /**
     * On the text; empty when this message needs HAPI's structures.
     *
     * @param text segments separated by {@code \r}
     */
    Optional<String> translateText(String text) throws TranslationFailed {
        try {
            TextMessage message = TextMessage.read(text, model.text());
            for (Step step : steps) {
                try {
                    step.statement().apply(message, step.guard());
                } catch (StepFailed e) {
                    throw new TranslationFailed(name, file, step.line(), e.getMessage());
                }
            }
            return Optional.of(message.encode());
        } catch (NeedsStructure e) {
            return Optional.empty();
        }
    }

    /**
     * In HAPI's structures: parsed, changed by the statements, encoded. What the text path must give.
     *
     * @param text segments separated by {@code \r}
     */
    String translateStructure(String text) throws TranslationFailed {
        PipeParser parser = model.parser();
        Message message = parse(parser, text);
        run(message);
        try {
            return parser.encode(message);
        } catch (HL7Exception | RuntimeException e) {
            throw new TranslationFailed(name, file, 0, "the translated message cannot be encoded: " + Hl7Explanation.withoutValues(e));
        }
    }

    private Message parse(PipeParser parser, String text) throws TranslationFailed {
        try {
            return parser.parse(text);
        } catch (HL7Exception | RuntimeException e) {
            throw new TranslationFailed(name, file, 0, "the message cannot be parsed: " + Hl7Explanation.withoutValues(e));
        }
    }

    private void run(Message message) throws TranslationFailed {
        for (Step step : steps) {
            try {
                step.statement().apply(message, step.guard());
            } catch (StepFailed e) {
                throw new TranslationFailed(name, file, step.line(), e.getMessage());
            } catch (HL7Exception | RuntimeException e) {
                throw new TranslationFailed(name, file, step.line(),
                        "'" + step.source() + "' cannot be carried out for this message: " + Hl7Explanation.withoutValues(e));
            }
        }
    }

    @Override
    public String toString() {
        return "mapping " + name + " (" + file + ", " + steps.size() + " statements)";
    }
}
