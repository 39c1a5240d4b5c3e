package dev.paperlist.catalog.yaml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-mostly map in insertion order for the mappings of a YAML tree: two arrays, searched in order
 * while small (a paper has a dozen keys), with a hash index once it grows, so that a hostile mapping
 * of a million keys stays linear. About a third of a LinkedHashMap's memory for a paper's keys.
 */
final class SmallMap<V> extends AbstractMap<String, V> {
    private static final int INDEX_FROM = 16;

    private String[] keys = new String[4];
    private Object[] values = new Object[4];
    private int size;
    private HashMap<String, Integer> index;

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
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    /** Adds a key that is not in the map yet (callers check with {@link #get} first). */
    @Override
    public V put(String key, V value) {
        if (indexOf(key) >= 0) {
            throw new IllegalStateException("duplicate key " + key);
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        values[size] = value;
        if (index != null) {
            index.put(key, size);
        } else if (size + 1 > INDEX_FROM) {
            index = new HashMap<>();
            for (int i = 0; i <= size; i++) {
                index.put(keys[i], i);
            }
        }
        size++;
        return null;
    }

    private int indexOf(Object key) {
        if (index != null) {
            Integer i = index.get(key);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
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

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], (V) values[i]);
                    }
                };
            }
        };
    }
}
