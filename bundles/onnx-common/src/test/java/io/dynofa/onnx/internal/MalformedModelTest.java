package io.dynofa.onnx.internal;

import static io.dynofa.onnx.internal.OnnxModelTest.external;
import static io.dynofa.onnx.internal.OnnxModelTest.graphOf;
import static io.dynofa.onnx.internal.OnnxModelTest.initializer;
import static io.dynofa.onnx.internal.OnnxModelTest.node;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** Hostile and broken bytes end in a clear {@link OnnxFormatException}, never in another failure. */
public class MalformedModelTest {

    @Test
    public void aLengthBeyondTheRemainingBytesIsRefusedWithoutAllocating() {
        // graph (field 7) announcing 2^62 bytes
        byte[] model = {0x3A, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
            (byte) 0x80, (byte) 0x80, 0x40, 0x00};
        assertEquals("not a valid ONNX model: field 7 declares 4611686018427387904 bytes but only 1 remain at byte 0",
            malformed(model));
    }

    @Test
    public void aLengthWithTheTopBitSetIsRefusedNotTakenAsNegative() {
        byte[] model = {0x3A, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01, 0x00};
        assertEquals("not a valid ONNX model: field 7 declares 18446744073709551615 bytes but only 1 remain at byte 0",
            malformed(model));
    }

    @Test
    public void aLengthBeyondItsEnclosingMessageIsRefused() throws Exception {
        byte[] inner = new ProtoWriter().message(5, external()).toByteArray();
        inner[1] += 3; // the initializer claims 3 bytes more than the graph holds
        byte[] model = new ProtoWriter().bytes(7, inner).varint(1, 8).varint(1, 8).toByteArray();
        assertTrue(malformed(model), malformed(model).contains("field 5 declares"));
    }

    @Test
    public void truncatedAndOverlongVarintsAreRefused() {
        assertTrue(malformed(new byte[] {0x08, (byte) 0x80}).contains("truncated varint"));
        byte[] eleven = new byte[12];
        Arrays.fill(eleven, 1, 12, (byte) 0xFF);
        eleven[0] = 0x08;
        assertTrue(malformed(eleven), malformed(eleven).contains("longer than"));
    }

    @Test
    public void aWrongWireTypeWhereOnnxHasAMessageIsRefused() {
        assertEquals("not a valid ONNX model: MODEL field 7 must hold a GRAPH message, found wire type 0 at byte 0",
            malformed(new byte[] {0x38, 0x01}));
    }

    @Test
    public void groupsAndFieldNumberZeroAreRefused() {
        assertTrue(malformed(new byte[] {0x0B}).contains("unsupported wire type 3"));
        assertTrue(malformed(new byte[] {0x02, 0x00}).contains("invalid field number 0"));
    }

    @Test
    public void nestingIsBoundedWithoutAStackOverflow() throws Exception {
        ProtoWriter graph = initializer(external());
        for (int i = 0; i < 40; i++) {
            graph = graphOf(node(new ProtoWriter().message(6, graph)));
        }
        byte[] model = TestModels.model(graph);
        assertTrue(malformed(model), malformed(model).contains("nested deeper than " + ModelWalk.MAX_DEPTH));
    }

    @Test
    public void aStringThatIsNotUtf8IsRefused() throws Exception {
        ProtoWriter tensor = new ProtoWriter().bytes(TensorFields.NAME, new byte[] {(byte) 0xC3, 0x28})
            .varint(TensorFields.DATA_LOCATION, 1);
        assertTrue(malformed(TestModels.model(initializer(tensor))).contains("is not UTF-8"));
    }

    @Test
    public void randomAndMutatedBytesGiveAFormatErrorOrAResultNeverAnythingElse() throws Exception {
        Random random = new Random(12);
        byte[] valid = TestModels.model(graphOf(node(new ProtoWriter().message(5, external())))
            .message(5, external()).message(15, new ProtoWriter().message(1, external())));
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bytes;
            if (i % 2 == 0) {
                bytes = new byte[random.nextInt(64)];
                random.nextBytes(bytes);
            } else {
                bytes = valid.clone();
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            try {
                List<ExternalRef> refs = OnnxModel.externalData(bytes);
                OnnxModel.inline(bytes, ref -> new byte[8]);
                assertTrue(refs.size() <= 3);
            } catch (OnnxFormatException expected) {
                refused++;
            }
        }
        assertTrue("some inputs must be refused: " + refused, refused > 100);
    }

    private static String malformed(byte[] model) {
        return assertThrows(OnnxFormatException.class, () -> OnnxModel.externalData(model)).getMessage();
    }
}
