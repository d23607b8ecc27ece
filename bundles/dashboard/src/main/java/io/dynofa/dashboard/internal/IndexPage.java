package io.dynofa.dashboard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The dashboard's HTML page, read once from the bundle, and the headers it is served with. */
final class IndexPage {
    static final String RESOURCE = DashboardResources.FOLDER + "/index.html";
    static final String CONTENT_TYPE = "text/html; charset=utf-8";

    /** The page runs only its own files and talks only to its own origin; it is never framed or cached stale. */
    static final Map<String, String> HEADERS = Map.of(
        "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
        "X-Content-Type-Options", "nosniff",
        "Cache-Control", "no-cache");

    private final byte[] bytes;

    private IndexPage(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The page from the bundle's class path. */
    static IndexPage load() {
        try (InputStream in = IndexPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle has no " + RESOURCE);
            }
            return new IndexPage(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
