package org.yigong.hub.mapping.control;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a code table split into its values: separated by commas, surrounding blanks removed,
 * a value in double quotes may contain commas ({@code "CT平扫,胸部"}) and doubled quotes. A quoted
 * value cannot span lines; code tables have no use for that.
 */
final class CsvLine {

    private CsvLine() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the quoting
     */
    static List<String> split(String line) {
        List<String> values = new ArrayList<>();
        int at = 0;
        while (true) {
            at = skipBlanks(line, at);
            StringBuilder value = new StringBuilder();
            if (at < line.length() && line.charAt(at) == '"') {
                at = quoted(line, at + 1, value);
                at = skipBlanks(line, at);
                if (at < line.length() && line.charAt(at) != ',') {
                    throw new IllegalArgumentException("text after a closing quote at column " + (at + 1));
                }
            } else {
                int comma = line.indexOf(',', at);
                int end = comma < 0 ? line.length() : comma;
                value.append(line, at, end);
                at = end;
                if (value.indexOf("\"") >= 0) {
                    throw new IllegalArgumentException("a value with a quote must be quoted as a whole: \"" + value.toString().strip() + "\"");
                }
            }
            values.add(value.toString().strip());
            if (at >= line.length()) {
                return values;
            }
            at++; // the comma
        }
    }

    private static int quoted(String line, int at, StringBuilder value) {
        while (at < line.length()) {
            char c = line.charAt(at);
            if (c != '"') {
                value.append(c);
                at++;
            } else if (at + 1 < line.length() && line.charAt(at + 1) == '"') {
                value.append('"');
                at += 2;
            } else {
                return at + 1;
            }
        }
        throw new IllegalArgumentException("a quoted value is not closed");
    }

    private static int skipBlanks(String line, int at) {
        while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
            at++;
        }
        return at;
    }
}
