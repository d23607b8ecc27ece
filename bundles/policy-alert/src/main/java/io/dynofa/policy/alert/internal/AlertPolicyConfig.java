package io.dynofa.policy.alert.internal;

import io.dynofa.config.internal.Range;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Dynofa policy alert",
    description = "ALERT: Kalman-filtered slowdown; the most accurate level meeting the target with confidence")
public @interface AlertPolicyConfig {

    @AttributeDefinition(description = "Kalman process noise Q: variance of the slowdown's drift between"
        + " decisions; larger follows changes faster (0 to 1000)")
    @Range(min = 0, max = 1000)
    double processNoise() default 0.01;

    @AttributeDefinition(description = "Kalman measurement noise R: variance of one slowdown observation;"
        + " larger smooths more (above 0, at most 1000)")
    @Range(min = 0, aboveMin = true, max = 1000)
    double measurementNoise() default 0.1;

    @AttributeDefinition(description = "Confidence in standard deviations: a level fits when latency x"
        + " (slowdown + k x sigma) <= target; 0 = mean only, 1 = ~84%, 1.645 = ~95% (Gaussian); at most 10")
    @Range(min = 0, max = 10)
    double k() default 1.0;

    @AttributeDefinition(description = "Moving up needs the new level to fit target x upMargin; (0, 1]")
    @Range(min = 0, aboveMin = true, max = 1)
    double upMargin() default 0.9;

    @AttributeDefinition(description = "Minimum time since the last switch before moving up, milliseconds;"
        + " moves down are immediate (0 to 3600000)")
    @Range(min = 0, max = Range.HOUR_MS)
    long minDwellMs() default 300;
}
