/** The demo setup: identities and data that exist only when the hub runs with -Dhub.demo=true. */
package org.yigong.hub.platform.demo;
