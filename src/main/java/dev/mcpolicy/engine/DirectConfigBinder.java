package dev.mcpolicy.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the mechanism configurations whose binding needs no judgement, without Jackson's databind: every option is a
 * known creator property, and every value is exactly of its property's type (a string for {@code String}, an
 * {@code int} for {@code Integer}, a boolean, a list, a nested config, or any non-null JSON for {@code JsonNode}).
 * Anything else (an unknown option, a null, a number where text goes, a constructor that refuses its values) is left
 * undecided, and {@link ConfigBinder} asks Jackson, whose answer and messages stay the reference. The built-in pack
 * binds here entirely ({@code DirectConfigBinderTest} checks that, and that the results equal Jackson's), which
 * spares a small run the cost of building an {@code ObjectMapper} and introspecting every config type.
 */
final class DirectConfigBinder {
    private DirectConfigBinder() {
    }

    /** The bound config, or empty when Jackson must decide. */
    static <C> Optional<C> tryBind(JsonNode config, Class<C> type) {
        try {
            return Optional.of(type.cast(object(config.isMissingNode() ? null : config, type, true)));
        } catch (Undecided undecided) {
            return Optional.empty();
        }
    }

    private static Object object(JsonNode node, Class<?> type, boolean top) throws Undecided {
        if (node == null && !top || node != null && !node.isObject()) {
            throw Undecided.INSTANCE;
        }
        Constructor<?> creator = creator(type);
        Parameter[] parameters = creator.getParameters();
        Type[] types = creator.getGenericParameterTypes();
        String[] names = names(type, creator);
        Set<String> known = new HashSet<>(List.of(names));
        if (node != null) {
            for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
                if (!known.contains(fields.next())) {
                    throw Undecided.INSTANCE;
                }
            }
        }
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            JsonNode value = node == null ? null : node.get(names[i]);
            if (value == null) {
                if (parameters[i].getType().isPrimitive()) {
                    throw Undecided.INSTANCE;
                }
                continue;
            }
            arguments[i] = value(value, types[i]);
        }
        try {
            return creator.newInstance(arguments);
        } catch (ReflectiveOperationException | IllegalArgumentException refused) {
            throw Undecided.INSTANCE;
        }
    }

    private static Object value(JsonNode node, Type type) throws Undecided {
        if (type == JsonNode.class && plain(node)) {
            return node;
        }
        if (type == String.class && node.isTextual()) {
            return node.textValue();
        }
        if (type == Integer.class && node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (type == Boolean.class && node.isBoolean()) {
            return node.booleanValue();
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class && node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                items.add(value(item, generic.getActualTypeArguments()[0]));
            }
            return items;
        }
        if (type instanceof Class<?> nested && (nested.isRecord() || jsonCreator(nested) != null)) {
            return object(node, nested, false);
        }
        throw Undecided.INSTANCE;
    }

    /** JSON that Jackson would hand over as an equal tree: no null, and numbers only as int, long or double. */
    private static boolean plain(JsonNode node) {
        if (node.isObject() || node.isArray()) {
            for (JsonNode child : node) {
                if (!plain(child)) {
                    return false;
                }
            }
            return true;
        }
        return node.isTextual() || node.isBoolean() || node.isInt() || node.isLong() || node.isDouble();
    }

    private static Constructor<?> creator(Class<?> type) throws Undecided {
        if (type.isRecord()) {
            Class<?>[] componentTypes = new Class<?>[type.getRecordComponents().length];
            for (int i = 0; i < componentTypes.length; i++) {
                componentTypes[i] = type.getRecordComponents()[i].getType();
            }
            try {
                return type.getDeclaredConstructor(componentTypes);
            } catch (NoSuchMethodException e) {
                throw Undecided.INSTANCE;
            }
        }
        Constructor<?> creator = jsonCreator(type);
        if (creator == null) {
            throw Undecided.INSTANCE;
        }
        return creator;
    }

    private static Constructor<?> jsonCreator(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(JsonCreator.class)) {
                return constructor;
            }
        }
        return null;
    }

    /** The option name of each creator parameter: its {@code @JsonProperty}, else the record component's name. */
    private static String[] names(Class<?> type, Constructor<?> creator) throws Undecided {
        Parameter[] parameters = creator.getParameters();
        RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : null;
        String[] names = new String[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            JsonProperty property = parameters[i].getAnnotation(JsonProperty.class);
            if (property == null && components != null) {
                property = components[i].getAccessor().getAnnotation(JsonProperty.class);
            }
            if (property != null && !property.value().isEmpty()) {
                names[i] = property.value();
            } else if (components != null) {
                names[i] = components[i].getName();
            } else {
                throw Undecided.INSTANCE;
            }
        }
        return names;
    }

    /** Jackson decides this one. */
    private static final class Undecided extends Exception {
        static final Undecided INSTANCE = new Undecided();

        private Undecided() {
            super(null, null, false, false);
        }
    }
}
