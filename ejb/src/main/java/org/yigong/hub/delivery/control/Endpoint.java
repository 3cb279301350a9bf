package org.yigong.hub.delivery.control;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;

/**
 * A system the hub delivers to, as defined in {@code hl7-mappings/endpoints/*.endpoint}.
 *
 * <p>Retries: attempt n (1-based) that fails is followed by attempt n+1 after
 * {@code retryDelay * retryBackoff^(n-1)}, at most {@code maxRetryDelay}; after {@code maxAttempts}
 * the delivery is FAILED, visible and resendable, and the endpoint's queue moves on.
 *
 * @param onError what an AE answer means: RETRY (the endpoint's trouble may pass) or FAIL (a person
 *                must look at it)
 */
public record Endpoint(String name, String description, URI address, Charset charset,
                       Duration connectTimeout, Duration responseTimeout,
                       int maxAttempts, Duration retryDelay, double retryBackoff, Duration maxRetryDelay,
                       ErrorPolicy onError, String source) {

    /** What an AE (or CE) from the endpoint leads to. */
    public enum ErrorPolicy { RETRY, FAIL }

    /** The wait before the attempt after failed attempt {@code attempt}. */
    public Duration delayAfter(int attempt) {
        double millis = retryDelay.toMillis() * Math.pow(retryBackoff, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxRetryDelay.toMillis()));
    }
}
