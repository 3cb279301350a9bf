package org.yigong.hub.workflows;

import org.camunda.bpm.application.ProcessApplication;
import org.camunda.bpm.application.impl.EmbeddedProcessApplication;

/**
 * The hub's processes as one Camunda process application. Its classloader is this module's, so
 * the engine finds the models listed in {@code META-INF/processes.xml} and the delegates next to
 * them, and runs delegates with this module as context classloader.
 */
@ProcessApplication(HubProcessApplication.NAME)
public class HubProcessApplication extends EmbeddedProcessApplication {

    public static final String NAME = "yigong-hub";
}
