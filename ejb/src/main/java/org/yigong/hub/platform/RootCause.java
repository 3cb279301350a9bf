package org.yigong.hub.platform;

/**
 * The exception at the bottom of a chain. What fails inside the container arrives wrapped in EJB,
 * transaction and engine exceptions; the one that says what went wrong is the innermost.
 */
public final class RootCause {

    private RootCause() {
    }

    public static Throwable of(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** {@code ClassName: message} of the innermost exception, for a reason shown to operators. */
    public static String describe(Throwable e) {
        Throwable root = of(e);
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
