package it.registro.app.store.engine;

/**
 * The last global position this thread appended, for read-your-writes: a command sent with {@code sendAndWait}
 * is handled and its events appended on the sending thread, so right after it the thread knows where in the
 * sequence its write landed, and can wait for the read models to pass that position instead of asking them.
 */
public final class AppendedPosition {

    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    private AppendedPosition() {
    }

    /** Forgets what this thread appended before: call before sending the command whose write is awaited. */
    public static void clear() {
        LAST.remove();
    }

    /** The last position this thread appended since {@link #clear()}, or -1 (nothing appended, or another engine). */
    public static long last() {
        Long last = LAST.get();
        return last == null ? -1 : last;
    }

    /** Called by the engine once an append is stored. */
    public static void appended(long last) {
        LAST.set(last);
    }
}
