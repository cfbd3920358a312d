package it.registro.app.store;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no MongoDB URI is configured, i.e. the embedded server must be started. */
class EmbeddedStoreCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("registro.store.uri");
        return uri == null || uri.isBlank();
    }
}
