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
        Creator creator = CREATORS.get(type);
        if (creator.constructor() == null) {
            throw Undecided.INSTANCE;
        }
        if (node != null) {
            for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
                if (!creator.known().contains(fields.next())) {
                    throw Undecided.INSTANCE;
                }
            }
        }
        String[] names = creator.names();
        Object[] arguments = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode value = node == null ? null : node.get(names[i]);
            if (value == null) {
                if (creator.primitive()[i]) {
                    throw Undecided.INSTANCE;
                }
                continue;
            }
            arguments[i] = value(value, creator.types()[i]);
        }
        try {
            return creator.constructor().newInstance(arguments);
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
        if (type instanceof Class<?> nested && CREATORS.get(nested).constructor() != null) {
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

    /**
     * How a config type is made, found once per type: reading a constructor's parameter annotations is slow in a
     * cold JVM, and every rule binds its checks' configs. A type with no usable creator has a null constructor.
     */
    private static final ClassValue<Creator> CREATORS = new ClassValue<>() {
        @Override
        protected Creator computeValue(Class<?> type) {
            return Creator.of(type);
        }
    };

    private record Creator(Constructor<?> constructor, String[] names, Type[] types, boolean[] primitive,
                           Set<String> known) {
        static final Creator NONE = new Creator(null, new String[0], new Type[0], new boolean[0], Set.of());

        static Creator of(Class<?> type) {
            Constructor<?> constructor = constructor(type);
            if (constructor == null) {
                return NONE;
            }
            Parameter[] parameters = constructor.getParameters();
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : null;
            String[] names = new String[parameters.length];
            boolean[] primitive = new boolean[parameters.length];
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
                    return NONE;
                }
                primitive[i] = parameters[i].getType().isPrimitive();
            }
            return new Creator(constructor, names, constructor.getGenericParameterTypes(), primitive,
                    Set.copyOf(List.of(names)));
        }

        /** A record's canonical constructor, or the constructor marked {@code @JsonCreator}; else null. */
        private static Constructor<?> constructor(Class<?> type) {
            if (type.isRecord()) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] componentTypes = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    componentTypes[i] = components[i].getType();
                }
                try {
                    return type.getDeclaredConstructor(componentTypes);
                } catch (NoSuchMethodException e) {
                    return null;
                }
            }
            return jsonCreator(type);
        }
    }

    private static Constructor<?> jsonCreator(Class<?> type) {
        for (Constructor<?> constructor : type.getConstructors()) {
            if (constructor.isAnnotationPresent(JsonCreator.class)) {
                return constructor;
            }
        }
        return null;
    }

    /** Jackson decides this one. */
    private static final class Undecided extends Exception {
        static final Undecided INSTANCE = new Undecided();

        private Undecided() {
            super(null, null, false, false);
        }
    }
}
