package dev.paperlist.catalog.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paperlist.PaperlistException;
import dev.paperlist.catalog.CatalogLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The YAML tree's compact mapping: file order, lookups on both sides of the index, linear growth. */
class SmallMapTest {
    @Test
    void keepsInsertionOrderAndFindsEveryKeyBeforeAndAfterTheIndex() {
        SmallMap<Integer> map = new SmallMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "k" + (39 - i);
            keys.add(key);
            map.put(key, i);
            for (int j = 0; j <= i; j++) {
                assertThat(map.get(keys.get(j))).isEqualTo(j);
            }
            assertThat(map.containsKey("absent")).isFalse();
            assertThat(map.get("absent")).isNull();
        }
        assertThat(map.keySet()).containsExactlyElementsOf(keys);
        assertThat(map.entrySet()).extracting(Map.Entry::getValue).containsExactlyElementsOf(
                keys.stream().map(k -> 39 - Integer.parseInt(k.substring(1))).toList());
        assertThatThrownBy(() -> map.put("k0", 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Timeout(20)
    void aMappingOfManyKeysStaysLinear() {
        StringBuilder yaml = new StringBuilder("sections: []\nsettings: {");
        for (int i = 0; i < 200_000; i++) {
            yaml.append(i == 0 ? "" : ", ").append("k").append(i).append(": v");
        }
        yaml.append(", k7: again}\n");
        assertThatThrownBy(() -> CatalogLoader.parse(yaml.toString(), "papers.yaml"))
                .isInstanceOf(PaperlistException.class)
                .hasMessageContaining("duplicate key 'k7' (first at line 2)");
    }
}
