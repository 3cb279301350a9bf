/** The hub's own database schema and its versioned migrations. */
package org.yigong.hub.platform.schema;
