package org.yigong.hub.web.enginerest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;

/**
 * Camunda's engine REST API at {@code /engine-rest}, on the engine the hub registered
 * ({@code ContainerManagedProcessEngineProvider}). Process designers deploy models here from
 * Camunda Modeler; every request is authenticated against Camunda's identity service (web.xml).
 */
@ApplicationPath("/")
public class EngineRestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        Set<Class<?>> classes = new HashSet<>(CamundaRestResources.getResourceClasses());
        classes.addAll(CamundaRestResources.getConfigurationClasses());
        return classes;
    }
}
