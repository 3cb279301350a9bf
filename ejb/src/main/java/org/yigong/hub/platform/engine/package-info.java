/**
 * The Camunda 7 process engine inside the hub's EAR: its wiring to WildFly (transactions,
 * datasource, threads), its registration for the webapps and the engine REST API, and the
 * authorizations and Tasklist filters a new hub starts with. A move to another engine build
 * (for example the Operaton fork) changes this package only.
 */
package org.yigong.hub.platform.engine;
