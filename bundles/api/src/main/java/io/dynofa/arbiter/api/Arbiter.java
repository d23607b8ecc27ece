package io.dynofa.arbiter.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides which level each deployment of a gateway may serve, when several share the machine: each deployment's
 * policy proposes a level ({@link Claim#proposed()}), and the arbiter grants levels that together fit the
 * {@link Capacity}. Registered as a service with the service property {@link #NAME_PROPERTY} = {@link #name()};
 * the runtime uses the one its configuration names.
 *
 * <p>The contract every implementation keeps:
 * <ul>
 * <li>it never grants a level above a claim's proposal: it only steps down (a proposal below the claim's accuracy
 *     floor lowers the floor to it);</li>
 * <li>a claim whose {@linkplain Claim#accuracyFloor() floor} no level reaches is treated as floor 0;</li>
 * <li>unknown or non-finite numbers are treated conservatively, as each record's fields say (an unusable
 *     slowdown is 1, an unknown request rate adds no demand, a deadline, margin or number of cores that is not a
 *     number leaves only the lowest levels at the floor);</li>
 * <li>it is pure (the same answer for the same input, no state kept between calls, safe to call concurrently),
 *     fast (well under 1 ms for 8 deployments of 20 levels on one backend; about 1 ms when each may also be placed
 *     on a second one) and never throws, whatever the input: odd claims are handled and named in
 *     {@link Arbitration#reason()}.</li>
 * </ul>
 * A deployment missing from {@link Arbitration#levels()} (a claim without levels or name, the second claim of a
 * name) is not arbitrated: the caller keeps its own choice for it.
 *
 * <p>Placement (since 1.2): a claim that lists {@linkplain Claim#placements() placements} may be placed on another
 * of them ({@link Arbitration#backends()}), at a level of that backend no more accurate than its proposal; the
 * arbiter then counts each device's own capacity ({@link Placement}). An arbiter that does not place leaves
 * {@code backends} empty, and every deployment stays where it is.
 *
 * @since 1.0
 */
@ConsumerType
public interface Arbiter {

    /** Service property carrying {@link #name()}. */
    String NAME_PROPERTY = "dynofa.arbiter";

    /** The arbiter's name, as in {@link #NAME_PROPERTY}. */
    String name();

    /**
     * Grants a level to every claim.
     *
     * @param claims one claim per deployment (names unique; the first claim of a name counts)
     * @param capacity what the deployments may use together
     */
    Arbitration arbitrate(List<Claim> claims, Capacity capacity);
}
