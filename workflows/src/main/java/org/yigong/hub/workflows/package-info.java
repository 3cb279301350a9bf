/**
 * The hub's processes: models under {@code bpmn/}, forms under {@code forms/}, both listed in
 * {@code META-INF/processes.xml}; the process application that deploys them; and, per process,
 * the small delegates their service tasks call.
 */
package org.yigong.hub.workflows;
