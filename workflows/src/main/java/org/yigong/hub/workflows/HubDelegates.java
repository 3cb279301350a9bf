package org.yigong.hub.workflows;

import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * Resolves the names models use in {@code camunda:delegateExpression} (such as
 * {@code ${withdrawOrder}}) to the delegates that need the hub's services. Those delegates are
 * made once, with the services injected into {@link ProcessDeployment}, so models name what a
 * step does and the tests register stand-ins under the same names.
 */
final class HubDelegates extends ELResolver {

    private final Map<String, Object> delegates;

    HubDelegates(Map<String, Object> delegates) {
        this.delegates = Map.copyOf(delegates);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base == null && property instanceof String name && delegates.containsKey(name)) {
            context.setPropertyResolved(true);
            return delegates.get(name);
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // delegates are not assignable from a model
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base == null ? Object.class : null;
    }
}
