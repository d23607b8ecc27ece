package io.dynofa.bench.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Set;

/**
 * The bench's report files (maps, lists, arrays, strings, numbers, booleans) as Gson writes them: indented by two
 * spaces, a null kept as {@code null}, and a number that is not finite (a ratio of nothing measured) written as
 * {@code null}, so the file stays JSON.
 */
final class ReportJson {
    private static final Set<Class<?>> FLOATING = Set.of(Double.class, double.class, Float.class, float.class);
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
        .registerTypeAdapterFactory(new NonFiniteAsNull()).create();

    private ReportJson() {
    }

    /** {@code report} as indented JSON text ending in a newline. */
    static String write(Object report) {
        return GSON.toJson(report) + "\n";
    }

    private static final class NonFiniteAsNull implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (!FLOATING.contains(type.getRawType())) {
                return null;
            }
            TypeAdapter<T> delegate = gson.getDelegateAdapter(this, type);
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    if (value instanceof Number number && !Double.isFinite(number.doubleValue())) {
                        out.nullValue();
                    } else {
                        delegate.write(out, value);
                    }
                }

                @Override
                public T read(JsonReader in) throws IOException {
                    return delegate.read(in);
                }
            };
        }
    }
}
