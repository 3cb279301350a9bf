package org.yigong.hub.workflows;

import java.util.Map;
import org.camunda.bpm.application.ProcessApplication;
import org.camunda.bpm.application.impl.EmbeddedProcessApplication;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * The hub's processes as one Camunda process application. Its classloader is this module's, so
 * the engine finds the models listed in {@code META-INF/processes.xml} and the delegates next to
 * them, and runs delegates with this module as context classloader.
 */
@ProcessApplication(HubProcessApplication.NAME)
public class HubProcessApplication extends EmbeddedProcessApplication {

    public static final String NAME = "yigong-hub";

    private final Map<String, Object> delegates;

    /** @param delegates the beans models call by name ({@code ${withdrawOrder}}) */
    public HubProcessApplication(Map<String, Object> delegates) {
        this.delegates = delegates;
    }

    @Override
    protected ELResolver initProcessApplicationElResolver() {
        return new HubDelegates(delegates);
    }
}
