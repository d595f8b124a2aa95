package dev.mcpolicy.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mcpolicy.engine.mechanism.ConfigException;
import dev.mcpolicy.engine.mechanism.ConfigProblems;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Binds a mechanism's configuration block to its config type with Jackson, strictly: unknown options, wrong types
 * and scalars of the wrong kind are problems, never coerced. A problem names the field it is about.
 */
final class ConfigBinder {
    private ConfigBinder() {
    }

    static <C> Optional<C> bind(String mechanism, JsonNode config, Class<C> type, ConfigProblems problems) {
        Optional<C> direct = DirectConfigBinder.tryBind(config, type);
        return direct.isPresent() ? direct : bindWithJackson(mechanism, config, type, problems);
    }

    /** The reference binding, and the one that words the problems; built on first use, as most runs never need it. */
    static <C> Optional<C> bindWithJackson(String mechanism, JsonNode config, Class<C> type, ConfigProblems problems) {
        ObjectMapper mapper = Strict.MAPPER;
        try {
            return Optional.of(mapper.treeToValue(config.isMissingNode() || config.isNull()
                    ? mapper.createObjectNode() : config, type));
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            problems.add(field(e), "unknown option; " + mechanism + (known.isEmpty() ? " takes no options; write "
                    + mechanism + ": {}" : " has " + String.join(", ", new TreeSet<>(known))));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException invalid) {
                problems.add(invalid.field(), invalid.getMessage());
            } else {
                problems.add(field(e), firstLine(cause != null ? cause.getMessage() : e.getOriginalMessage()));
            }
        } catch (MismatchedInputException e) {
            problems.add(field(e), "must be " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            problems.add(field(e), firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            problems.add(null, firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause();
            problems.add(null, firstLine(cause != null ? cause.getMessage() : e.getMessage()));
        }
        return Optional.empty();
    }

    private static String field(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            out.append(out.length() == 0 ? "" : "/");
            out.append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "a mapping";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "invalid";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static final class Strict {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }
}
