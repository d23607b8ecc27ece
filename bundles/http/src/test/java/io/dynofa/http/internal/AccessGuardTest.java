package io.dynofa.http.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class AccessGuardTest {

    @Test
    public void withoutATokenOnlyLoopbackMayChange() throws HttpError {
        AccessGuard.allowChange("", null, "127.0.0.1");
        AccessGuard.allowChange("", null, "::1");
        AccessGuard.allowChange(null, null, "[0:0:0:0:0:0:0:1]");
        assertEquals(403, assertThrows(HttpError.class, () -> AccessGuard.allowChange("", null, "192.168.1.20"))
            .status());
        assertEquals(403, assertThrows(HttpError.class, () -> AccessGuard.allowChange("", null, "localhost"))
            .status());
    }

    @Test
    public void withATokenEveryAddressNeedsIt() throws HttpError {
        AccessGuard.allowChange("abc", "Bearer abc", "192.168.1.20");
        AccessGuard.allowChange("abc", "bearer  abc ", "127.0.0.1");
        for (String wrong : new String[] {null, "", "Bearer", "Bearer abd", "Basic abc", "abc"}) {
            HttpError e = assertThrows(String.valueOf(wrong), HttpError.class,
                () -> AccessGuard.allowChange("abc", wrong, "127.0.0.1"));
            assertEquals(401, e.status());
            assertTrue(e.headers().get("WWW-Authenticate").startsWith("Bearer"));
        }
    }

    @Test
    public void onlyIpLiteralsAreLookedAt() {
        assertTrue(AccessGuard.loopback("127.0.0.2"));
        assertFalse(AccessGuard.loopback("example.invalid"));
        assertFalse(AccessGuard.loopback("10.0.0.1"));
        assertFalse(AccessGuard.loopback(null));
    }
}
