/**
 * What the hub stands on: its database schema ({@code schema}), its process engine ({@code engine})
 * and the demo setup ({@code demo}). Everything else in the hub may assume these are up: the
 * startup beans here run first, in the order schema, engine.
 */
package org.yigong.hub.platform;
