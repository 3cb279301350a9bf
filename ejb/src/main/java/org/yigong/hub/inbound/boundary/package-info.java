/** MLLP: framing, connections and the listening sockets of the channels. */
package org.yigong.hub.inbound.boundary;
