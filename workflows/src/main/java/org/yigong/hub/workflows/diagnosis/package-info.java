/**
 * The {@code remote-diagnosis} process: a township's order read by a county centre (基层检查、上级诊断、
 * 结果互认). The classes here are the small, stateless steps its model calls: they read process
 * variables, compute times, and write the variables that forms, the hub and its reports read. None of
 * them talks to another system; the one outward action, withdrawing an order at the centre, is the
 * hub's {@code withdrawOrder} bean.
 *
 * <p>Every time is the hub's clock, the one its timers run on: {@code orderedAt} is when the order
 * reached the hub and {@code reportedAt} when the report did, so turnaround never mixes a township's
 * and a centre's system clocks. The centre's own signing time (OBR-22) travels as
 * {@code reportWrittenAt}, the township's order time as {@code placedAt}.
 */
package org.yigong.hub.workflows.diagnosis;
