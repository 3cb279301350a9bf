/**
 * The {@code remote-diagnosis} process: a township's order read by a county centre (基层检查、上级诊断、
 * 结果互认). The classes here are the small, stateless steps its model calls: they read process
 * variables, compute times, and write the variables that forms, the hub and its reports read. None of
 * them talks to another system; the one outward action, withdrawing an order at the centre, is the
 * hub's {@code withdrawOrder} bean.
 *
 * <p>Times come from the report where the centre gave one ({@code reportedAt}, OBR-22), so turnaround
 * is the centre's own signing time; times the process itself causes (critical value raised,
 * acknowledged, escalated) are the hub's clock, the same clock its timers run on.
 */
package org.yigong.hub.workflows.diagnosis;
