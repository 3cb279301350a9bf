package org.yigong.hub.mapping.control;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import java.util.List;
import org.yigong.hub.mapping.Hl7Explanation;
import org.yigong.hub.mapping.Translation;
import org.yigong.hub.mapping.TranslationFailed;

/**
 * A loaded mapping file: its statements in file order, each with its line and its guard. It
 * translates a copy of the message (encoded and parsed again with its own parser), so the
 * message the hub stored is never changed, and it is immutable, so threads share it.
 */
final class Mapping implements Translation {

    /** One statement as written on one line, with the {@code when} before it. */
    record Step(int line, String source, Guard guard, Statement statement) {
    }

    /** Where HAPI starts quoting the message in its explanations. */
    private final String name;
    private final String file;
    private final List<Step> steps;
    private final CanonicalModel model;

    Mapping(String name, String file, List<Step> steps, CanonicalModel model) {
        this.name = name;
        this.file = file;
        this.steps = List.copyOf(steps);
        this.model = model;
    }

    @Override
    public String name() {
        return name;
    }

    String file() {
        return file;
    }

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
        PipeParser parser = model.parser();
        Message message = parse(parser, hl7.replace("\r\n", "\r").replace('\n', '\r'));
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
