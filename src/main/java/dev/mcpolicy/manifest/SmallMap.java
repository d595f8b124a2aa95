package dev.mcpolicy.manifest;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An insertion-ordered map in two arrays, for the few keys of most mappings of a manifest: a large render has
 * hundreds of thousands of them, and a {@link java.util.LinkedHashMap} costs an entry object per key and a table per
 * map. Lookups scan the keys, so it is meant for small maps only (the loader uses it up to {@link #MAX_KEYS}).
 */
final class SmallMap<V> extends AbstractMap<String, V> {
    static final int MAX_KEYS = 8;

    private String[] keys;
    private Object[] values;
    private int size;

    SmallMap(int capacity) {
        keys = new String[Math.max(1, capacity)];
        values = new Object[keys.length];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : (V) values[at];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(String key, V value) {
        Objects.requireNonNull(key, "key");
        int at = indexOf(key);
        if (at >= 0) {
            V old = (V) values[at];
            values[at] = value;
            return old;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        size++;
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        int at = indexOf(key);
        if (at < 0) {
            return null;
        }
        V old = (V) values[at];
        removeAt(at);
        return old;
    }

    private void removeAt(int at) {
        System.arraycopy(keys, at + 1, keys, at, size - at - 1);
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        keys[size] = null;
        values[size] = null;
    }

    @Override
    public void clear() {
        Arrays.fill(keys, 0, size, null);
        Arrays.fill(values, 0, size, null);
        size = 0;
    }

    @Override
    public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<String, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new Entry(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        removeAt(last);
                        next = last;
                        last = -1;
                    }
                };
            }
        };
    }

    /** A live entry: setValue writes through. */
    private final class Entry implements Map.Entry<String, V> {
        private final int index;

        Entry(int index) {
            this.index = index;
        }

        @Override
        public String getKey() {
            return keys[index];
        }

        @Override
        @SuppressWarnings("unchecked")
        public V getValue() {
            return (V) values[index];
        }

        @Override
        @SuppressWarnings("unchecked")
        public V setValue(V value) {
            V old = (V) values[index];
            values[index] = value;
            return old;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Map.Entry<?, ?> entry && Objects.equals(getKey(), entry.getKey())
                    && Objects.equals(getValue(), entry.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
