package io.dynofa.http.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who may make a changing control request: with a {@link HttpConfig#controlToken()} configured, a request carrying
 * {@code Authorization: Bearer <token>} (401 otherwise); without one, a request from a loopback address (403
 * otherwise).
 */
final class AccessGuard {
    private static final String BEARER = "Bearer ";

    private AccessGuard() {
    }

    /**
     * @param authorization the request's Authorization header, null when none
     * @param remoteAddress the client's IP address as text
     * @throws HttpError 401 or 403 when the request may not change anything
     */
    static void allowChange(String token, String authorization, String remoteAddress) throws HttpError {
        if (token != null && !token.isEmpty()) {
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
            String given = bearer ? authorization.substring(BEARER.length()).trim() : "";
            byte[] expected = token.getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected)) {
                throw new HttpError(401, authorization == null ? "this request needs 'Authorization: Bearer <token>'"
                    + " (controlToken of " + HttpSettings.PID + ")" : "wrong control token",
                    Map.of("WWW-Authenticate", "Bearer realm=\"dynofa\""));
            }
            return;
        }
        if (!loopback(remoteAddress)) {
            throw new HttpError(403, "changes are accepted from loopback addresses only while no controlToken is"
                + " configured (" + HttpSettings.PID + ")");
        }
    }

    /** Whether {@code address}, an IP literal (never resolved as a host name), is a loopback address. */
    static boolean loopback(String address) {
        if (address == null) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1) : address;
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !literal.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
