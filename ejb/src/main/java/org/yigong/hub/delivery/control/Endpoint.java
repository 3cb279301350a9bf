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
 * @param onError  what an AE answer means: RETRY (the endpoint's trouble may pass) or FAIL (a person
 *                 must look at it)
 * @param ordering what is kept in order: everything sent to the endpoint, or each patient's messages
 */
public record Endpoint(String name, String description, URI address, Charset charset,
                       Duration connectTimeout, Duration responseTimeout,
                       int maxAttempts, Duration retryDelay, double retryBackoff, Duration maxRetryDelay,
                       ErrorPolicy onError, Ordering ordering, String source) {

    /** What an AE (or CE) from the endpoint leads to. */
    public enum ErrorPolicy { RETRY, FAIL }

    /**
     * ENDPOINT: first in, first out over the whole queue; a delivery being retried holds up every
     * one behind it. PATIENT: first in, first out per patient; a delivery being retried holds up
     * only that patient's later ones (a registration system that must see A04 before A08 of the
     * same patient, but not wait for one patient on behalf of all).
     */
    public enum Ordering { ENDPOINT, PATIENT }

    /** The wait before the attempt after failed attempt {@code attempt}. */
    public Duration delayAfter(int attempt) {
        double millis = retryDelay.toMillis() * Math.pow(retryBackoff, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maxRetryDelay.toMillis()));
    }
}
