package io.dynofa.dashboard.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The dashboard's static files: the bundle's {@code /dashboard} folder (HTML, CSS, JS; no library, nothing
 * fetched from elsewhere) served by the HTTP Whiteboard at {@code /dashboard/static/*}. {@link DashboardIndex}
 * answers {@code /dashboard/} itself (a resource pattern of the folder would answer it with the folder's empty
 * entry).
 */
@Component(service = DashboardResources.class)
@HttpWhiteboardResource(pattern = DashboardResources.STATIC + "/*", prefix = DashboardResources.FOLDER)
public final class DashboardResources {
    /** The bundle folder of the page's files, which is also the page's URL path. */
    static final String FOLDER = "/dashboard";
    /** The URL path of the page's files. */
    static final String STATIC = FOLDER + "/static";
}
