package io.dynofa.config.internal;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A configuration annotation with one attribute of every kind the reader fills. */
@Retention(RetentionPolicy.RUNTIME)
@interface SampleConfig {

    enum Mode { FAST, SLOW }

    String dynofa_backend_id() default "cpu";

    @Range(min = 0, max = 64)
    int threads() default 1;

    @Range(min = 1, max = Range.HOUR_MS)
    long intervalMs() default 2000;

    @Range(min = 0, max = 1, aboveMin = true)
    double share() default 0.1;

    @Range(min = 0, max = 1, belowMax = true)
    double fraction() default 0.5;

    int anyInt() default 7;

    boolean arena() default true;

    Mode mode() default Mode.FAST;

    @FilePath
    String dir() default "models";

    String pinned() default "";

    int[] sizes() default {1, 2};

    String my__key() default "x";

    String a$_$b() default "";

    String cost$$() default "";

    String ski$p() default "";
}
