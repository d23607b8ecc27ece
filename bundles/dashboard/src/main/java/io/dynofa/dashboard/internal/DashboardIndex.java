package io.dynofa.dashboard.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The dashboard's entry: {@code /dashboard/} answers the page ({@link IndexPage}), {@code /dashboard} redirects
 * there so the page's relative links resolve, any other path under it (but {@code static/}) is not found.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({DashboardResources.FOLDER, DashboardResources.FOLDER + "/*"})
public final class DashboardIndex extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient IndexPage page = IndexPage.load();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + DashboardResources.FOLDER + "/");
            return;
        }
        if (!path.equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(IndexPage.CONTENT_TYPE);
        IndexPage.HEADERS.forEach(response::setHeader);
        response.setContentLength(page.bytes().length);
        response.getOutputStream().write(page.bytes());
    }
}
