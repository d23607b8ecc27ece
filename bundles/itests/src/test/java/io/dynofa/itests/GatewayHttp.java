package io.dynofa.itests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The gateway's HTTP side for the ITs that read text ({@link HttpCalls} reads JSON): the endpoint, a plain GET.
 */
final class GatewayHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private GatewayHttp() {
    }

    /** The endpoint the HTTP Service Runtime announces ({@code osgi.http.endpoint}), on the loopback address. */
    static URI endpoint(BundleContext context) {
        ServiceReference<?> runtime = await("the HTTP service runtime").until(() -> httpRuntime(context),
            Optional::isPresent).orElseThrow();
        Object endpoints = runtime.getProperty("osgi.http.endpoint");
        List<String> all = endpoints instanceof String[] array ? List.of(array) : endpoints instanceof String one
            ? List.of(one) : List.of();
        URI any = URI.create(all.stream().findFirst()
            .orElseThrow(() -> new AssertionError("no osgi.http.endpoint on the HTTP service runtime")));
        return URI.create("http://127.0.0.1:" + any.getPort() + "/");
    }

    /** {@code GET uri}, its body as text. */
    static HttpResponse<String> get(URI uri) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<ServiceReference<?>> httpRuntime(BundleContext context) throws InvalidSyntaxException {
        ServiceReference<?>[] refs = context.getServiceReferences("org.osgi.service.http.runtime.HttpServiceRuntime",
            null);
        return refs == null || refs.length == 0 ? Optional.empty() : Optional.of(refs[0]);
    }
}
