package io.dynofa.family.provider.internal;

/** The token level of {@link Json}: whitespace, strings, numbers, literals and positioned errors. */
final class JsonLexer {
    private final String text;
    private int pos;

    JsonLexer(String text) {
        this.text = text;
    }

    int position() {
        return pos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    boolean skipIf(char c) {
        if (peek() == c && !atEnd()) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(char wanted) {
        if (!skipIf(wanted)) {
            throw error(atEnd() ? "unexpected end of input, expected '" + wanted + "'"
                : "expected '" + wanted + "' but found '" + peek() + "'");
        }
    }

    void skipWhitespace() {
        while (!atEnd() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal, expected '" + word + "'");
        }
        pos += word.length();
        return value;
    }

    String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c < 0x20) {
                throw error(String.format("control character U+%04X in string (must be escaped)", (int) c));
            }
            pos++;
            if (c == '"') {
                return out.toString();
            }
            out.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() {
        char c = peek();
        if (atEnd()) {
            throw error("unterminated escape sequence");
        }
        if (c == 'u') {
            pos++;
            return unicodeEscape();
        }
        int index = "\"\\/bfnrt".indexOf(c);
        if (index < 0) {
            throw error("invalid escape '\\" + c + "'");
        }
        pos++;
        return "\"\\/\b\f\n\r\t".charAt(index);
    }

    private char unicodeEscape() {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(peek(), 16);
            if (atEnd() || digit < 0) {
                throw error("\\u must be followed by four hex digits");
            }
            code = code * 16 + digit;
            pos++;
        }
        return (char) code;
    }

    Double number() {
        int start = pos;
        skipIf('-');
        if (!skipIf('0')) {
            requireDigits("expected a digit");
        }
        if (skipIf('.')) {
            requireDigits("expected a digit after the decimal point");
        }
        if (skipIf('e') || skipIf('E')) {
            if (!skipIf('+')) {
                skipIf('-');
            }
            requireDigits("expected a digit in the exponent");
        }
        if (isDigit(peek())) {
            throw error("leading zeros are not allowed");
        }
        double value = Double.parseDouble(text.substring(start, pos));
        if (Double.isInfinite(value)) {
            throw errorAt(start, "number out of range");
        }
        return value;
    }

    private void requireDigits(String message) {
        if (!isDigit(peek())) {
            throw error(message);
        }
        while (isDigit(peek())) {
            pos++;
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    IllegalArgumentException error(String message) {
        return errorAt(pos, message);
    }

    IllegalArgumentException errorAt(int position, String message) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new IllegalArgumentException("JSON error at line " + line + ", column " + (position - lineStart + 1)
            + ": " + message);
    }
}
