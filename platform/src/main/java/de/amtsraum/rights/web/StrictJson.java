package de.amtsraum.rights.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Field deserializers that take a JSON value only in its own shape: a string only from a JSON string, an
 * integer only from a JSON integer, a boolean only from {@code true}/{@code false}. Jackson would
 * otherwise coerce ({@code 5} to {@code "5"}, {@code 2.5} to {@code 2}, {@code "true"} to {@code true});
 * the inbox refuses such bodies with its own problem type, as it did when it read bodies as maps.
 * {@code null} never reaches them (it stays null).
 */
final class StrictJson {

    private StrictJson() {
    }

    static final class Text extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw MismatchedInputException.from(parser, String.class, "a JSON string is expected");
            }
            return parser.getText();
        }
    }

    static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                    || parser.getNumberType() != JsonParser.NumberType.INT) {
                throw MismatchedInputException.from(parser, Integer.class, "a JSON integer is expected");
            }
            return parser.getIntValue();
        }
    }

    static final class Flag extends JsonDeserializer<Boolean> {
        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw MismatchedInputException.from(parser, Boolean.class, "true or false is expected");
            }
            return token == JsonToken.VALUE_TRUE;
        }
    }
}
