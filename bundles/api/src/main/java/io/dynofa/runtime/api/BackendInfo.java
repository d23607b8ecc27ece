package io.dynofa.runtime.api;

/**
 * A bound device backend as the runtime sees it.
 *
 * @param id backend id
 * @param description its configuration
 * @param unavailableReason null when usable, otherwise why not
 * @param active whether the runtime serves from it now
 */
public record BackendInfo(String id, String description, String unavailableReason, boolean active) {
}
