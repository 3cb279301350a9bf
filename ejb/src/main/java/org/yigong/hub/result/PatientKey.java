package org.yigong.hub.result;

import java.util.Locale;
import java.util.regex.Pattern;
import org.yigong.hub.inbound.control.InvalidQueryParameter;

/**
 * How a caller names the patient whose results they want: by national ID card number (居民身份证号),
 * which every facility shares, or by one facility's medical record number with that facility as
 * its assigning authority. Exactly one of the two forms is set.
 *
 * <p>As text (a REST path, an audit subject) a key is either the national ID itself,
 * {@code 150525196903150428}, or {@code MRN@authority}, {@code KHZ0012345@TWN_KHZ}.
 */
public record PatientKey(String nationalId, String mrn, String authority) {

    /** 18 characters, the last a check digit or X; the 15-digit first-generation cards still turn up. */
    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{17}[\\dX]|\\d{15}");

    public PatientKey {
        boolean byNationalId = nationalId != null;
        boolean byMrn = mrn != null && authority != null;
        if (byNationalId == byMrn || (byNationalId && (mrn != null || authority != null))) {
            throw new IllegalArgumentException("a patient key is a national ID or an MRN with its authority, not both or neither");
        }
    }

    /** A national ID card number; a lower-case x is read as X. */
    public static PatientKey ofNationalId(String nationalId) {
        String id = nationalId == null ? "" : nationalId.trim().toUpperCase(Locale.ROOT);
        if (!looksLikeNationalId(id)) {
            throw new IllegalArgumentException("not a national ID card number (18 characters: 17 digits and a digit or X)");
        }
        return new PatientKey(id, null, null);
    }

    /** A facility's medical record number; the authority is the facility that assigned it (PID-3.4). */
    public static PatientKey ofMrn(String mrn, String authority) {
        if (mrn == null || mrn.isBlank() || authority == null || authority.isBlank()) {
            throw new IllegalArgumentException("an MRN needs its number and its assigning authority");
        }
        if (mrn.trim().length() > 64 || authority.trim().length() > 100) {
            throw new IllegalArgumentException("an MRN has at most 64 characters and its authority at most 100");
        }
        return new PatientKey(null, mrn.trim(), authority.trim());
    }

    /**
     * Reads a key written as text: a national ID, or {@code MRN@authority} (split at the last
     * {@code @}, so an authority never contains one).
     *
     * @throws InvalidQueryParameter for {@code id} when the text is neither; the message does not
     *                               repeat the text, which may be most of a patient's ID
     */
    public static PatientKey parse(String id) {
        String text = id == null ? "" : id.trim();
        int at = text.lastIndexOf('@');
        try {
            return at < 0 ? ofNationalId(text) : ofMrn(text.substring(0, at), text.substring(at + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryParameter("id", "must be a national ID card number (18 characters: 17 digits and a digit or X)"
                    + " or MRN@authority (KHZ0012345@TWN_KHZ)");
        }
    }

    public static boolean looksLikeNationalId(String id) {
        return id != null && NATIONAL_ID.matcher(id).matches();
    }

    public boolean byNationalId() {
        return nationalId != null;
    }

    /** The key as {@link #parse} reads it. */
    @Override
    public String toString() {
        return byNationalId() ? nationalId : mrn + "@" + authority;
    }
}
