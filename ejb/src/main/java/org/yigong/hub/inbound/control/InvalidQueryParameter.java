package org.yigong.hub.inbound.control;

/**
 * A search parameter the hub cannot use (an unknown status, a date it cannot read, a page out of
 * range). The message begins with the parameter's name and says what is expected, so that it can
 * be shown to the caller as it is.
 */
public class InvalidQueryParameter extends IllegalArgumentException {

    private final String parameter;

    public InvalidQueryParameter(String parameter, String problem) {
        super(parameter + " " + problem);
        this.parameter = parameter;
    }

    /** The name of the parameter as the caller wrote it, e.g. {@code limit}. */
    public String parameter() {
        return parameter;
    }
}
