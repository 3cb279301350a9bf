/**
 * Who looked at which patient's data, and when. Every read of a stored message or a patient's
 * results through the hub's API leaves an {@link org.yigong.hub.audit.entity.AuditEvent}; auditors
 * and quality staff read them back.
 */
package org.yigong.hub.audit;
