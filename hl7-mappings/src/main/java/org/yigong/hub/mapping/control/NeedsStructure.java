package org.yigong.hub.mapping.control;

/**
 * The text of a message cannot be translated exactly as HAPI would translate its 2.5.1 structure
 * (where a new segment goes, a value whose meaning depends on its data type, a message HAPI may
 * refuse): the mapping translates this message with HAPI instead. It happens to unusual messages
 * and statements, not to everyday traffic, so it carries no stack trace.
 */
final class NeedsStructure extends Exception {

    private static final long serialVersionUID = 1L;

    NeedsStructure(String reason) {
        super(reason, null, false, false);
    }
}
