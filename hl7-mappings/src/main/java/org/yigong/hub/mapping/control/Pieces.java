package org.yigong.hub.mapping.control;

import java.util.ArrayList;
import java.util.List;

/**
 * HL7 text between one delimiter: the repetitions of a field ({@code ~}), the components of a
 * repetition ({@code ^}), the sub-components of a component ({@code &}). Pieces count from 0 and
 * a string always has at least one piece, possibly empty.
 */
final class Pieces {

    private Pieces() {
    }

    /** How many pieces {@code text} has: one more than its delimiters. */
    static int count(String text, char delimiter) {
        int count = 1;
        for (int i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, i + 1)) {
            count++;
        }
        return count;
    }

    /** The piece at {@code index}, {@code ""} when the text has fewer. */
    static String get(String text, char delimiter, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            int next = text.indexOf(delimiter, start);
            if (next < 0) {
                return "";
            }
            start = next + 1;
        }
        int end = text.indexOf(delimiter, start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The text with the piece at {@code index} replaced, padded with empty pieces when it has fewer. */
    static String set(String text, char delimiter, int index, String value) {
        List<String> pieces = split(text, delimiter);
        while (pieces.size() <= index) {
            pieces.add("");
        }
        pieces.set(index, value);
        return String.join(String.valueOf(delimiter), pieces);
    }

    /** The text without the piece at {@code index} (which must exist). */
    static String remove(String text, char delimiter, int index) {
        List<String> pieces = split(text, delimiter);
        pieces.remove(index);
        return String.join(String.valueOf(delimiter), pieces);
    }

    /** Every piece, empty ones included, also at the end. */
    static List<String> split(String text, char delimiter) {
        List<String> pieces = new ArrayList<>(8);
        int start = 0;
        for (int next = text.indexOf(delimiter); next >= 0; next = text.indexOf(delimiter, start)) {
            pieces.add(text.substring(start, next));
            start = next + 1;
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    /** The text without delimiters at its end: HAPI writes no trailing empty piece. */
    static String stripEnd(String text, char delimiter) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == delimiter) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }
}
