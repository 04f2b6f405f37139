package fi.viranomaisbotti.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fi.viranomaisbotti.nlp.FinnishAnalyser;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** JSON reading and writing for the API, with strict checks and clear errors. Thread-safe. */
public final class Json {
  /** Largest request body or WebSocket frame accepted, in bytes; larger bodies get 413. */
  public static final long MAX_BODY_BYTES = 256 * 1024;

  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  /**
   * What REST responses are written with: {@link #MAPPER} without is-getters, so that a record's
   * {@code isX()} helper does not become a field.
   */
  public static final ObjectMapper RESPONSES = MAPPER.copy().disable(MapperFeature.AUTO_DETECT_IS_GETTERS);

  private Json() {}

  /**
   * Answers with the value as JSON, written straight to UTF-8 bytes: the same bytes and headers
   * as Javalin's {@code ctx.json}, without its intermediate string and second encoding, which for
   * a 100 KB recommendation cost as much as writing it.
   */
  public static void respond(Context ctx, Object value) {
    try {
      ctx.contentType(ContentType.APPLICATION_JSON).result(RESPONSES.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Decodes a request body as a JSON object, refusing empty, non-UTF-8 and malformed input. */
  public static ObjectNode object(byte[] body) {
    if (body == null || body.length == 0) {
      throw ApiException.badRequest("empty_body", "The request body is empty; send a JSON object such as {\"text\": \"...\"}.");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("not_utf8", "The request body is not UTF-8 text; send JSON encoded in UTF-8.");
    }
    return object(text);
  }

  /** Decodes a JSON object; a leading byte-order mark (some Windows tools write one) is skipped. */
  public static ObjectNode object(String text) {
    String json = text.startsWith("\uFEFF") ? text.substring(1) : text;
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("malformed_json", malformed(e));
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("not_an_object", "The request body must be a JSON object such as {\"text\": \"...\"}.");
    }
    return (ObjectNode) node;
  }

  /**
   * What is wrong with JSON that did not parse, in plain words: the parser's own messages name its
   * classes and settings, which mean nothing to a caller.
   */
  static String malformed(JsonProcessingException e) {
    String original = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
    StreamReadConstraints limits = StreamReadConstraints.defaults();
    if (e instanceof StreamConstraintsException) {
      if (original.contains("nesting depth")) {
        return "The JSON is nested too deeply: at most " + limits.getMaxNestingDepth()
            + " levels of objects and arrays are accepted. Send a flat object such as {\"text\": \"...\"}.";
      }
      if (original.contains("number")) {
        return "A number in the JSON has too many digits: at most " + limits.getMaxNumberLength() + " are accepted.";
      }
      return "A name or a string in the JSON is too long; names may have at most " + limits.getMaxNameLength()
          + " characters.";
    }
    JsonLocation at = e.getLocation();
    String where = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    String what = e instanceof JsonEOFException || original.contains("end-of-input")
        ? "The request body ends before its JSON is complete" + where
        : "The request body is not valid JSON" + where;
    return what + "; send one JSON object such as {\"text\": \"...\"}, with strings in double quotes.";
  }

  /** The required "text" field: a non-blank string of at most the analyser's limit. */
  public static String text(ObjectNode body) {
    JsonNode t = body.get("text");
    if (t == null || t.isNull()) {
      throw ApiException.badRequest("missing_text", "The field \"text\" is required: the customer's story in Finnish.");
    }
    if (!t.isTextual()) {
      throw ApiException.badRequest("text_not_string", "The field \"text\" must be a string.");
    }
    String s = t.asText();
    if (s.isBlank()) {
      throw ApiException.badRequest("empty_text", "The field \"text\" is empty; describe your situation in a few words.");
    }
    if (s.length() > FinnishAnalyser.MAX_TEXT_LENGTH) {
      throw new ApiException(
          413,
          "text_too_long",
          "The text has " + s.length() + " characters; at most " + FinnishAnalyser.MAX_TEXT_LENGTH + " are accepted.");
    }
    if (s.chars().anyMatch(c -> c == 0)) {
      throw ApiException.badRequest("binary_text", "The text contains NUL characters; send plain text.");
    }
    return s;
  }

  /** The optional "facts" object: concept id → true/false or "kyllä"/"ei". */
  public static Map<String, Object> facts(ObjectNode body) {
    JsonNode f = body.get("facts");
    Map<String, Object> out = new LinkedHashMap<>();
    if (f == null || f.isNull()) {
      return out;
    }
    if (!f.isObject()) {
      throw ApiException.badRequest("facts_not_object", "The field \"facts\" must be an object, e.g. {\"alkoholi\": false}.");
    }
    f.fields().forEachRemaining(e -> {
      Object v = value(e.getValue());
      if (v == null) {
        throw ApiException.badRequest(
            "bad_fact", "Fact '" + QueryParams.shortened(e.getKey()) + "' must be true, false, \"kyllä\", \"ei\" or a number; got "
                + QueryParams.shortened(e.getValue().toString()));
      }
      out.put(e.getKey(), v);
    });
    return out;
  }

  /**
   * A fact's JSON value as the engine reads facts: a boolean, a number or a string; null for
   * anything else. The engine's fact parser checks it against the concept.
   */
  public static Object value(JsonNode v) {
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    return v.isTextual() ? v.asText() : null;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
