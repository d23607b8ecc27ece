package io.dynofa.runtime.api;

import java.util.Objects;

/**
 * A problem the runtime or a plug-in reports and works around: a stable {@link #code()} for tools and tests, the
 * {@link #subject()} it is about, and a {@link #text()} for people. Tools match on code and subject, never on text,
 * whose wording may change.
 *
 * @param source who reports it: {@link #RUNTIME} for the manager, else the {@link ProblemSource#SOURCE} property of
 *               the plug-in (e.g. its configuration PID)
 * @param code   what kind of problem, one of the constants below or a plug-in's own dotted code
 * @param subject what it is about (a configuration key, a family, level, backend or policy id, a folder); null when
 *                the problem is about nothing narrower than the source
 * @param text   the whole problem for people (includes the subject)
 * @since 1.3
 */
public record Problem(String source, String code, String subject, String text) {
    /** The {@link #source()} of the manager's own problems. */
    public static final String RUNTIME = "runtime";

    /** A configuration value was refused; the value in force is kept. Subject: the key. */
    public static final String CONFIG_REJECTED = "config.rejected";
    /** A configuration holds keys that are no attribute; it looks damaged, so the values in force are kept. */
    public static final String CONFIG_UNKNOWN_KEYS = "config.unknown-keys";
    /** The configured family is not registered. Subject: the family id. */
    public static final String FAMILY_UNKNOWN = "family.unknown";
    /** The configured family is missing and the fallback family serves. Subject: the fallback family id. */
    public static final String FAMILY_FALLBACK = "family.fallback";
    /** The serving family left; its levels serve for a grace period. Subject: the family id. */
    public static final String FAMILY_DEPARTED = "family.departed";
    /** Activating the family failed; nothing serves from it. Subject: the family id. */
    public static final String FAMILY_FAILED = "family.failed";
    /** A family folder or manifest was refused and is not offered. Subject: the folder. */
    public static final String FAMILY_REFUSED = "family.refused";
    /** A level was refused (load, signature, probe, sample check or time bound failed). Subject: the level id. */
    public static final String LEVEL_REFUSED = "level.refused";
    /** The family's labelled sample cannot be used; levels are checked without it. Subject: the family id. */
    public static final String SAMPLE_UNUSABLE = "sample.unusable";
    /** A plug-in service has no usable naming service property. Subject: the id it is known by, or null. */
    public static final String SERVICE_UNNAMED = "service.unnamed";
    /** The pinned level is not an active level. Subject: the pinned id. */
    public static final String PIN_UNKNOWN = "pin.unknown";
    /** The configured backend is not bound. Subject: the backend id. */
    public static final String BACKEND_UNBOUND = "backend.unbound";
    /** Another backend serves instead of the configured one. Subject: the backend id serving. */
    public static final String BACKEND_SUBSTITUTED = "backend.substituted";
    /** The configured policy is not installed. Subject: the policy name. */
    public static final String POLICY_UNKNOWN = "policy.unknown";
    /** A plug-in gave only text. */
    public static final String UNSPECIFIED = "unspecified";

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }

    /** This problem as reported by {@code newSource}. */
    public Problem from(String newSource) {
        return new Problem(newSource, code, subject, text);
    }
}
