/**
 * Routing: which endpoints and which workflows a received message goes to, through which mapping;
 * routes are data in {@code hl7-mappings/routes/*.route}.
 */
package org.yigong.hub.routing;
