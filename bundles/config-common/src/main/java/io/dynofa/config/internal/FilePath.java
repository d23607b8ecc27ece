package io.dynofa.config.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text attribute naming a file or folder: not blank, and a path this platform can form (no NUL
 * character, for instance); checked by {@link ConfigReader}. Whether the file exists is not checked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FilePath {
}
