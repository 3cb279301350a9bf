/**
 * The workflow bridge: messages of an order's life start and move the order's process (a new
 * order starts it, a report or a cancellation is correlated to it), and processes send messages
 * through the delivery queue. The processes themselves are models in {@code workflows/}.
 */
package org.yigong.hub.workflow;
