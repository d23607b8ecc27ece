package io.dynofa.policy.alert.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy alert",
    description = "ALERT: Kalman-filtered slowdown; the most accurate level meeting the target with confidence")
public @interface AlertPolicyConfig {

    @AttributeDefinition(description = "Kalman process noise Q: variance of the slowdown's drift between"
        + " decisions; larger follows changes faster", min = "0")
    double processNoise() default 0.01;

    @AttributeDefinition(description = "Kalman measurement noise R: variance of one slowdown observation;"
        + " larger smooths more")
    double measurementNoise() default 0.1;

    @AttributeDefinition(description = "Confidence in standard deviations: a level fits when latency x"
        + " (slowdown + k x sigma) <= target; 0 = mean only, 1 = ~84%, 1.645 = ~95% (Gaussian)", min = "0")
    double k() default 1.0;

    @AttributeDefinition(description = "Moving up needs the new level to fit target x upMargin; (0, 1]")
    double upMargin() default 0.9;

    @AttributeDefinition(description = "Minimum time since the last switch before moving up, milliseconds;"
        + " moves down are immediate", min = "0")
    long minDwellMs() default 300;
}
