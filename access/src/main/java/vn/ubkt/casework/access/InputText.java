package vn.ubkt.casework.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What text a client may send: Unicode that PostgreSQL can store and a person can read. A NUL character, another
 * control character (tab and line breaks aside), half of a surrogate pair or bytes that are not UTF-8 are refused
 * as the client's input (400 naming the field), before they reach a command, a query or the database, which
 * would otherwise fail on them with a 500 (ISSUE 14).
 */
public final class InputText {

    private InputText() {
    }

    /** Why the text is refused, or null when it is fine. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "contains the control character U+%04X".formatted((int) c);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains half of a surrogate pair (not Unicode text)";
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return "contains the non-character U+%04X".formatted((int) c);
            }
        }
        return null;
    }

    /**
     * Decodes a percent-encoded URL part as strict UTF-8 ({@code +} is a space in a query): null when it is not
     * UTF-8 or its escapes are broken.
     */
    static String decode(String encoded, boolean query) {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c == '+' && query) {
                bytes.put((byte) ' ');
            } else if (c > 0x7F) {
                // an unencoded character in the request line: the container has read it as ISO-8859-1
                bytes.put((byte) c);
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Every JSON string and object key of a request body passes {@link #problem} (the parser names the field). */
    static SimpleModule jacksonModule() {
        SimpleModule module = new SimpleModule("casework-input-text");
        module.addDeserializer(String.class, new CheckedStrings());
        module.addKeyDeserializer(String.class, new CheckedKeys());
        return module;
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            String problem = problem(text);
            if (problem != null) {
                return context.reportInputMismatch(String.class, "the text %s", problem);
            }
            return text;
        }
    }

    private static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            String problem = problem(key);
            if (problem != null) {
                return context.reportInputMismatch(String.class, "the name %s", problem);
            }
            return key;
        }
    }
}
