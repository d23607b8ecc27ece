package io.dynofa.onnx.internal;

import static io.dynofa.onnx.internal.TestModels.externalTensor;
import static io.dynofa.onnx.internal.TestModels.floats;
import static io.dynofa.onnx.internal.TestModels.model;
import static io.dynofa.onnx.internal.TestModels.tensor;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class OnnxModelTest {
    private static final long[] TWO = {2};

    @Test
    public void aSelfContainedModelHasNoReferencesAndIsReturnedAsItIs() throws Exception {
        byte[] model = TestModels.matMul(tensor("W", new long[] {2, 2}, 1, 0, 0, 1));
        assertEquals(List.of(), OnnxModel.externalData(model));
        assertSame(model, OnnxModel.inline(model, ref -> {
            throw new AssertionError("nothing to read");
        }));
    }

    @Test
    public void anInitializerReferenceCarriesLocationOffsetLengthAndName() throws Exception {
        byte[] model = TestModels.matMul(externalTensor("W", new long[] {2, 2}, "weights.bin", 4096, 16));
        assertEquals(List.of(new ExternalRef("W", "weights.bin", 4096, 16)), OnnxModel.externalData(model));
    }

    @Test
    public void dataLocationExternalAloneIsAReference() throws Exception {
        ProtoWriter bare = new ProtoWriter().varint(1, 2).varint(2, 1).string(8, "b")
            .varint(TensorFields.DATA_LOCATION, 1);
        assertEquals(List.of(new ExternalRef("b", "", 0, -1)), OnnxModel.externalData(model(initializer(bare))));
    }

    @Test
    public void anExternalDataEntryWithoutDataLocationIsAReference() throws Exception {
        ProtoWriter entryOnly = new ProtoWriter().string(8, "c")
            .message(TensorFields.EXTERNAL_DATA, TestModels.entry("location", "../../../../../../etc/passwd"));
        assertEquals(List.of(new ExternalRef("c", "../../../../../../etc/passwd", 0, -1)),
            OnnxModel.externalData(model(initializer(entryOnly))));
    }

    @Test
    public void referencesAreFoundEverywhereATensorCanBe() throws Exception {
        for (Place place : places()) {
            byte[] model = model(place.graph());
            assertEquals(place.name(), List.of(new ExternalRef("t", "x.bin", 0, 8)), OnnxModel.externalData(model));
            byte[] inlined = OnnxModel.inline(model, ref -> floats(1, 2));
            assertEquals(place.name(), List.of(), OnnxModel.externalData(inlined));
            assertEquals(place.name(), List.of(rawData(floats(1, 2))), tensorsIn(inlined));
        }
    }

    @Test
    public void functionsAndTrainingGraphsAreSearchedToo() throws Exception {
        ProtoWriter attribute = new ProtoWriter().string(1, "value").message(5, external());
        ProtoWriter function = new ProtoWriter().string(1, "f").message(7, node(attribute));
        ProtoWriter withDefault = new ProtoWriter().string(1, "g").message(11, attribute);
        ProtoWriter training = new ProtoWriter().message(2, initializer(external()));
        byte[] model = new ProtoWriter().varint(1, 8).message(25, function).message(25, withDefault)
            .message(20, training).toByteArray();
        assertEquals(3, OnnxModel.externalData(model).size());
        assertEquals(List.of(), OnnxModel.externalData(OnnxModel.inline(model, ref -> floats(1, 2))));
    }

    @Test
    public void inliningReplacesOnlyTheExternalTensorsAndKeepsEverythingElse() throws Exception {
        ProtoWriter graph = new ProtoWriter().string(2, "keep-me").message(5, tensor("inside", TWO, 7, 8))
            .message(5, externalTensor("a", TWO, "a.bin", 0, 8)).message(5, externalTensor("b", TWO, "b.bin", 8, 8))
            .varint(99, 12345);
        byte[] model = model(graph);
        List<ExternalRef> asked = new ArrayList<>();
        byte[] inlined = OnnxModel.inline(model, ref -> {
            asked.add(ref);
            return ref.location().equals("a.bin") ? floats(1, 2) : floats(3, 4);
        });
        assertEquals(List.of(new ExternalRef("a", "a.bin", 0, 8), new ExternalRef("b", "b.bin", 8, 8)), asked);
        assertEquals(List.of(rawData(floats(7, 8)), rawData(floats(1, 2)), rawData(floats(3, 4))),
            tensorsIn(inlined));
        byte[] expected = model(new ProtoWriter().string(2, "keep-me").message(5, tensor("inside", TWO, 7, 8))
            .message(5, tensor("a", TWO, 1, 2)).message(5, tensor("b", TWO, 3, 4)).varint(99, 12345));
        assertArrayEquals(expected, inlined);
    }

    @Test
    public void aPreviousRawDataIsDroppedSoOnlyTheInlinedDataRemains() throws Exception {
        ProtoWriter both = tensor("w", TWO, 9, 9).message(TensorFields.EXTERNAL_DATA,
            TestModels.entry("location", "w.bin"));
        byte[] inlined = OnnxModel.inline(model(initializer(both)), ref -> floats(1, 2));
        assertArrayEquals(model(initializer(tensor("w", TWO, 1, 2))), inlined);
    }

    @Test
    public void whatTheSourceThrowsReachesTheCaller() throws Exception {
        byte[] model = model(initializer(external()));
        IOException e = assertThrows(IOException.class, () -> OnnxModel.inline(model, ref -> {
            throw new IOException("external data '" + ref.location() + "' refused");
        }));
        assertEquals("external data 'x.bin' refused", e.getMessage());
    }

    @Test
    public void aNegativeOffsetIsMalformed() throws Exception {
        assertEquals("not a valid ONNX model: tensor 'w' has external data offset '-1', not a non-negative integer",
            malformedTensor("location", "w.bin", "offset", "-1"));
        assertTrue(malformedTensor("length", "12k").endsWith("length '12k', not a non-negative integer"));
    }

    @Test
    public void twoDifferentLocationsForOneTensorAreMalformed() throws Exception {
        String message = malformedTensor("location", "inside.bin", "location", "/etc/passwd");
        assertTrue(message, message.contains("two different locations"));
    }

    /** The error for a tensor "w" whose external_data holds these key/value pairs. */
    private static String malformedTensor(String... entries) throws OnnxFormatException {
        ProtoWriter tensor = new ProtoWriter().string(8, "w");
        for (int i = 0; i < entries.length; i += 2) {
            tensor.message(TensorFields.EXTERNAL_DATA, TestModels.entry(entries[i], entries[i + 1]));
        }
        byte[] model = model(initializer(tensor));
        return assertThrows(OnnxFormatException.class, () -> OnnxModel.externalData(model)).getMessage();
    }

    @Test
    public void locationsAreShownWithControlCharactersEscapedAndBounded() {
        assertEquals("a\\u000ab", new ExternalRef("", "a\nb", 0, -1).locationText());
        assertEquals(201, new ExternalRef("", "x".repeat(500), 0, -1).locationText().length());
        assertEquals("(unnamed)", new ExternalRef("", "", 0, -1).tensorText());
    }

    /** One way of holding a tensor "t" that refers to x.bin, as a graph. */
    private record Place(String name, ProtoWriter graph) {
    }

    private static List<Place> places() throws OnnxFormatException {
        ProtoWriter sparseValues = new ProtoWriter().message(1, external());
        ProtoWriter sparseIndices = new ProtoWriter().message(2, external()).varint(3, 4);
        ProtoWriter inSubgraph = new ProtoWriter().string(1, "then_branch").message(6, initializer(external()));
        ProtoWriter deep = initializer(external());
        for (int i = 0; i < 20; i++) {
            deep = graphOf(node(new ProtoWriter().string(1, "body").message(6, deep)));
        }
        return List.of(
            new Place("initializer", initializer(external())),
            new Place("sparse_initializer.values", new ProtoWriter().message(15, sparseValues)),
            new Place("sparse_initializer.indices", new ProtoWriter().message(15, sparseIndices)),
            new Place("attribute t", graphOf(node(new ProtoWriter().string(1, "value").message(5, external())))),
            new Place("attribute tensors", graphOf(node(new ProtoWriter().message(10, external())))),
            new Place("attribute sparse_tensor", graphOf(node(new ProtoWriter().message(22, sparseValues)))),
            new Place("attribute sparse_tensors", graphOf(node(new ProtoWriter().message(23, sparseIndices)))),
            new Place("attribute g", graphOf(node(inSubgraph))),
            new Place("attribute graphs", graphOf(node(new ProtoWriter().message(11, initializer(external()))))),
            new Place("20 nested subgraphs", deep));
    }

    static ProtoWriter external() throws OnnxFormatException {
        return externalTensor("t", TWO, "x.bin", 0, 8);
    }

    static ProtoWriter initializer(ProtoWriter tensor) throws OnnxFormatException {
        return new ProtoWriter().message(5, tensor);
    }

    static ProtoWriter node(ProtoWriter attribute) throws OnnxFormatException {
        return new ProtoWriter().string(4, "Op").message(5, attribute);
    }

    static ProtoWriter graphOf(ProtoWriter node) throws OnnxFormatException {
        return new ProtoWriter().message(1, node);
    }

    /** What a tensor holds in raw_data, as text for comparison. */
    private static String rawData(byte[] data) {
        return java.util.HexFormat.of().formatHex(data);
    }

    /** The raw_data of every tensor in the model, in file order, read with an independent walk. */
    private static List<String> tensorsIn(byte[] model) throws OnnxFormatException {
        List<String> found = new ArrayList<>();
        collect(MessageType.MODEL, model, 0, model.length, found);
        return found;
    }

    private static void collect(MessageType type, byte[] bytes, int start, int end, List<String> found)
        throws OnnxFormatException {
        ProtoReader reader = new ProtoReader(bytes, start, end);
        while (reader.hasMore()) {
            ProtoReader.Field field = reader.next();
            if (type == MessageType.TENSOR && field.number() == TensorFields.RAW_DATA) {
                found.add(java.util.HexFormat.of().formatHex(bytes, field.valueStart(), field.end()));
            }
            MessageType child = type.child(field.number());
            if (child != null) {
                collect(child, bytes, field.valueStart(), field.end(), found);
            }
        }
    }
}
