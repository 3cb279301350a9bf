package org.yigong.hub.mapping.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Messages and mapping lines such as senders and hospital IT write them, good and bad: trailing
 * delimiters, escape sequences, empty and repeated segments, local segments, sub-components where
 * a data type has none, statements on any field, component and repetition. Made from a seed, so a
 * disagreement found once is found again.
 */
final class VariedTraffic {

    private static final String[] SEGMENTS = {"MSH", "PID", "PV1", "ORC", "OBR", "OBX", "FT1", "NTE", "EVN", "ZFD", "ZSA"};
    private static final String[] ADDED = {"|", "||", "^", "~", "&", "^&", "~~", "|^|", "\\", "\\F\\", "\\E\\", "\\.br\\",
        "\\S\\x", "&x", "^y", "~z", "^^", "~&", "C:\\dir", "\\X0D\\", "\\Zab\\", "a\\T\\b", "|~|", " "};
    private static final String[] LOCAL = {"ZXX|1|a^b&c~d|e", "NTE|", "NTE", "ZFD|~~", "OBX|1|ST|A||a&b", "OBX|1|TX|A||x^y~z",
        "OBX|1||A||", "OBX|1|XX|A||v", "OBX|2|CE|C^d^LN||1^2^3||F", "NTE|1||a&b", "PV1|1|O", "ZSA|1|20261020|x", "PID|2",
        "ZFD|1|x|y^z|w&v", "ZXX|a|b~c||d^e&f", "PID|1|A~B|C~~D"};
    private static final String[] CONSTANTS = {"X", "", "a^b", "a&b", "a~b", "a|b", "\\F\\x", "C:\\dir", "A^B^C^D^E", "CT0012",
        "GH001", "^^x", "x^^", "\\.br\\", "中文 值", "a\\T\\b", "\\H\\x\\N\\", "x~", " x", "1^2&3", "&x",
        "\\F\\x^y", "x\\E\\^y&z", "x ", "a^ b"};
    /** Fields the sample messages fill, with components, repetitions and local segments among them. */
    private static final String[] FILLED = {"PID-3", "PID-5", "PID-11", "PID-1", "OBR-4", "OBR-2", "OBR-13", "PV1-3", "PV1-7",
        "PV1-10", "PV1-12", "FT1-7", "FT1-6", "OBR-5", "EVN-4", "MSH-4", "MSH-5", "MSH-9", "MSH-12", "MSH-18", "ZFD-2", "ZFD-4", "ZSA-2", "ZSA-5", "ZXX-2",
        "OBX-3", "OBX-5", "NTE-3", "ORC-12", "ORC-2", "EVN-1"};
    private static final String[] TYPES = {"ZZZ^Z01", "ADT^A04", "ORU^R01^ORU_R01", "ACK", "ORM^O01^ORU_R01", "ADT^A08^ADT_A01",
        "ORM", "ORM^O01^", "ACK^A01", "OML^O21^OML_O21", "SIU^S12", "DFT^P03^DFT_P03", "MDM^T02^MDM_T02", "ORM^O01^ZZZ_Z99"};
    private static final String[] CODES = {"CT0012", "DR0101", "US0001", "GH001", "XD001", "CT9999", "ECG12", ""};

    private final Random random;

    VariedTraffic(long seed) {
        random = new Random(seed);
    }

    /** A message made from one of {@code bases}, changed in a few places. */
    String message(List<String> bases) {
        List<String> segments = new ArrayList<>(List.of(pick(bases).split("\r")));
        int changes = random.nextInt(4);
        for (int i = 0; i < changes; i++) {
            change(segments);
        }
        return String.join("\r", segments) + (random.nextInt(5) == 0 ? "" : "\r");
    }

    private void change(List<String> segments) {
        int at = 1 + random.nextInt(Math.max(segments.size() - 1, 1));
        switch (random.nextInt(8)) {
            case 0 -> segments.add(Math.min(at, segments.size()), pick(LOCAL));
            case 1 -> {
                if (segments.size() > 2 && at < segments.size()) {
                    segments.remove(at);
                }
            }
            case 2 -> {
                if (at < segments.size()) {
                    segments.add(at, segments.get(at));
                }
            }
            case 3 -> segments.add(Math.min(at, segments.size()), "");
            case 4 -> segments.set(0, header(segments.get(0)));
            default -> {
                int which = random.nextInt(segments.size());
                segments.set(which, insert(segments.get(which), pick(ADDED)));
            }
        }
    }

    /** Another message type or version: HAPI reads the message into another structure, or not at all. */
    private String header(String msh) {
        String[] fields = msh.split("\\|", -1);
        if (fields.length > 11) {
            if (random.nextBoolean()) {
                fields[8] = pick(TYPES);
            } else {
                fields[11] = pick(new String[] {"2.1", "2.2", "2.3", "2.3.1", "2.5", "2.6", "2.7", "2.8.1", "2.9", "", "2.4^CHN", "3.0"});
            }
        }
        return String.join("|", fields);
    }

    /** Somewhere after the name (and after MSH-2), or at the end. */
    private String insert(String segment, String text) {
        int from = segment.startsWith("MSH") ? Math.min(9, segment.length()) : Math.min(4, segment.length());
        int at = random.nextInt(3) == 0 ? segment.length() : from + random.nextInt(segment.length() - from + 1);
        return segment.substring(0, at) + text + segment.substring(at);
    }

    /** One to six mapping lines; some are not valid, and the caller skips those mappings. */
    List<String> mapping() {
        List<String> lines = new ArrayList<>();
        int statements = 1 + random.nextInt(6);
        for (int i = 0; i < statements; i++) {
            if (random.nextInt(4) == 0) {
                lines.add(condition());
            }
            lines.add(statement());
        }
        return lines;
    }

    private String statement() {
        return switch (random.nextInt(9)) {
            case 0, 1 -> "set " + path() + " = " + pick(CONSTANTS);
            case 2, 3 -> "copy " + path() + " to " + path();
            case 4 -> "clear " + path();
            case 5, 6 -> "lookup " + path() + " in " + (random.nextBoolean() ? "exam-codes" : "charge-codes")
                    + pick(new String[] {"", " else keep", " else error", " else \"UNMAPPED\"", " else \"a^b\""});
            case 7 -> "drop segment " + pick(SEGMENTS);
            default -> "version " + pick(new String[] {"2.5.1", "2.4", "2.3"});
        };
    }

    private String condition() {
        String path = path();
        return switch (random.nextInt(4)) {
            case 0 -> "when " + path + " = " + pick(CODES);
            case 1 -> "when " + path + " in CG, " + pick(CODES);
            case 2 -> "when " + path + " is empty";
            default -> "when " + path + " is not empty";
        };
    }

    private String path() {
        StringBuilder path = new StringBuilder();
        if (random.nextBoolean()) {
            path.append(pick(FILLED));
        } else {
            String segment = pick(SEGMENTS);
            path.append(segment).append('-').append(segment.equals("MSH") ? 3 + random.nextInt(16) : 1 + random.nextInt(12));
        }
        if (random.nextInt(3) == 0) {
            path.append('(').append(random.nextInt(3)).append(')');
        }
        if (random.nextBoolean()) {
            path.append('-').append(1 + random.nextInt(5));
            if (random.nextInt(3) == 0) {
                path.append('-').append(1 + random.nextInt(3));
            }
        }
        return path.toString();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
