package org.bulwark.server.soap;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bulwark.server.errors.Errors;

/**
 * Copies between the API's records and their SOAP beans (JAXB cannot bind records), field by
 * component name. Towards SOAP, ids, instants and enums become text and nested records their beans;
 * back from SOAP, text is parsed again and a value that does not parse is a 400 naming the field.
 */
final class SoapBeans {
    private SoapBeans() {
    }

    /** A new bean of {@code type} whose public fields hold the same-named components of {@code record}. */
    static <B> B bean(Record record, Class<B> type) {
        if (record == null) {
            return null;
        }
        try {
            B bean = type.getConstructor().newInstance();
            for (Field field : fields(type)) {
                Object value = record.getClass().getMethod(field.getName()).invoke(record);
                field.set(bean, toBean(value, field.getGenericType()));
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " does not mirror " + record.getClass().getSimpleName(), e);
        }
    }

    /** {@link #bean} of each record. */
    static <B> List<B> beans(List<? extends Record> records, Class<B> type) {
        return records.stream().map(r -> bean(r, type)).toList();
    }

    /** The record of {@code type} built from the same-named public fields of {@code bean}; {@code null} stays {@code null}. */
    static <R extends Record> R record(Object bean, Class<R> type) {
        if (bean == null) {
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                Object raw = bean.getClass().getField(components[i].getName()).get(bean);
                values[i] = toRecord(raw, components[i].getGenericType(), components[i].getName());
            }
            Constructor<R> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(type.getSimpleName() + " refused " + bean.getClass().getSimpleName(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(bean.getClass().getSimpleName() + " does not mirror " + type.getSimpleName(), e);
        }
    }

    /** Parses an id given as text; one that is not a UUID is a 404 like an unknown id, as the REST paths answer. */
    static UUID id(String text, String what) {
        try {
            return UUID.fromString(Errors.required(text, what).trim());
        } catch (IllegalArgumentException e) {
            throw Errors.notFound("No " + what + " " + text);
        }
    }

    private static List<Field> fields(Class<?> type) {
        return Arrays.stream(type.getFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).toList();
    }

    private static Object toBean(Object value, Type target) {
        if (value == null) {
            return null;
        }
        if (target instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            return new ArrayList<>(((List<?>) value).stream().map(v -> toBean(v, element)).toList());
        }
        if (value instanceof Record nested) {
            return bean(nested, (Class<?>) target);
        }
        return target == String.class ? value.toString() : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object toRecord(Object raw, Type target, String name) {
        if (target instanceof ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            return raw == null ? null : ((List<?>) raw).stream().map(v -> toRecord(v, element, name)).toList();
        }
        Class<?> type = (Class<?>) target;
        if (raw == null || type.isInstance(raw) || type.isPrimitive()) {
            return raw;
        }
        if (type.isRecord()) {
            return record(raw, (Class<? extends Record>) type);
        }
        String text = raw.toString().trim();
        try {
            if (type == UUID.class) {
                return text.isEmpty() ? null : UUID.fromString(text);
            }
            if (type == Instant.class) {
                return text.isEmpty() ? null : Instant.parse(text);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<? extends Enum>) type, text);
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw Errors.badRequest("Invalid " + name + ": " + raw);
        }
        throw new IllegalStateException("No SOAP form of " + type.getName() + " for " + name);
    }
}
