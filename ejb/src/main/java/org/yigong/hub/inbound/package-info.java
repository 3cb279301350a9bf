/**
 * Inbound HL7 v2 over MLLP: channels (listeners defined in hl7-mappings), framing, decoding in the
 * right character set, the message store, and acknowledgements.
 *
 * <p>The promise to a sender: a message is acknowledged only after it is stored (commit, then ACK);
 * AA means stored and parseable, AE stored with a content error, AR rejected (stored too, so that
 * nothing a sender sent is ever invisible to hospital IT). A message whose sending application,
 * sending facility and control id were already accepted gets its original ACK again and is not
 * processed twice.
 */
package org.yigong.hub.inbound;
