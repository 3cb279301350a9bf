/**
 * Outbound delivery: every translated message goes to its endpoint (county LIS, RIS, ECG centre,
 * HIS, insurance platform, a township's HIS) over MLLP, in order per endpoint, with retries, and
 * counts as delivered only when the endpoint acknowledged exactly that message.
 */
package org.yigong.hub.delivery;
