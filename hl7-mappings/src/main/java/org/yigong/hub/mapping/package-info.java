/**
 * Translation as data: the files of {@code hl7-mappings} (channels, routes, mappings, code tables),
 * how they are found on the classpath and read, and how a broken one is reported: by file and line,
 * at startup, before any message is taken.
 */
package org.yigong.hub.mapping;
