package io.dynofa.config.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a numeric configuration attribute accepts, checked by {@link ConfigReader}: a value outside
 * is rejected and the value in force kept. Put it on the attribute method of the configuration annotation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Range {
    /** One hour in milliseconds: the upper bound of every period. */
    long HOUR_MS = 3_600_000L;

    /** The smallest value accepted (with {@link #aboveMin()}: the largest refused below the range). */
    double min() default Double.NEGATIVE_INFINITY;

    /** The largest value accepted (with {@link #belowMax()}: the smallest refused above the range). */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is refused (e.g. "above 0"). */
    boolean aboveMin() default false;

    /** Whether {@link #max()} itself is refused (e.g. "below 1"). */
    boolean belowMax() default false;
}
