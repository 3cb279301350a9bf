package org.yigong.hub.mapping;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HAPI's explanation of a problem, made fit to store, show and send: without the exception's class
 * name and without what HAPI quotes of the message (a birth date, a name, the start of the message).
 * Error texts end up in ACKs, in the message browser and in logs, and must not carry patient data.
 */
public final class Hl7Explanation {

    /** Where HAPI starts quoting message content; the explanation is cut there. */
    private static final List<Pattern> QUOTING = List.of(
            Pattern.compile(" beginning "), Pattern.compile("\\.? ?The following is"), Pattern.compile("[A-Z][A-Z0-9]{2}\\|"));

    private static final Pattern EXCEPTION_CLASS = Pattern.compile("[a-z][\\w.]*\\.[A-Z]\\w*(Exception|Error):\\s*");

    private Hl7Explanation() {
    }

    public static String withoutValues(Exception e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        text = EXCEPTION_CLASS.matcher(text).replaceAll("");
        for (Pattern quoting : QUOTING) {
            Matcher m = quoting.matcher(text);
            if (m.find()) {
                text = text.substring(0, m.start());
            }
        }
        return text.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"").strip();
    }
}
