package org.yigong.hub.workflow.entity;

/** Where a hand-over to a process stands. */
public enum HandOverStatus {
    /** Written with the routing decision; not yet given to the engine. */
    PENDING,
    /** The process was started or the message correlated (or nothing waited for it: see the outcome). */
    DONE,
    /** The engine refused it (a model that throws, a process that is not deployed): see the error. */
    FAILED
}
