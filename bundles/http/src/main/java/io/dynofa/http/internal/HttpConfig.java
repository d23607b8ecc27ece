package io.dynofa.http.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The HTTP endpoints' configuration (PID {@value HttpSettings#PID}). */
@ObjectClassDefinition(name = "Dynofa HTTP endpoints",
    description = "Access to the control endpoints and the bounds of request bodies")
public @interface HttpConfig {

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Token a changing control request (PATCH) must"
        + " carry as 'Authorization: Bearer <token>'; empty = no token, and such requests are accepted from loopback"
        + " addresses only")
    String controlToken() default "";

    @AttributeDefinition(description = "Largest request body read, bytes; a larger one is refused with 413"
        + " (1024 to 1073741824)")
    @Range(min = 1024, max = 1 << 30)
    int maxBodyBytes() default 8 << 20;

    @AttributeDefinition(description = "Largest image (width x height) decoded for classification; a larger one is"
        + " refused from its header with 400 (1 to 268435456)")
    @Range(min = 1, max = 1 << 28)
    int maxImagePixels() default 16 << 20;
}
