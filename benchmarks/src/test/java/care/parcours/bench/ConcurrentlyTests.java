package care.parcours.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentlyTests {

	@Test
	void everyItemIsRunOnceAndTheResultsKeepTheItemsOrder() throws Exception {
		Set<Integer> seen = ConcurrentHashMap.newKeySet();

		List<String> results = Concurrently.run(50, 4, item -> {
			assertThat(seen.add(item)).isTrue();
			return "item-" + item;
		});

		assertThat(seen).hasSize(50);
		assertThat(results).hasSize(50).startsWith("item-0", "item-1").endsWith("item-49");
	}

	@Test
	void aFailureStopsTheClientsAndIsThrown() {
		assertThatThrownBy(() -> Concurrently.run(1_000, 2, item -> {
			if (item == 10) {
				throw new IllegalStateException("refused");
			}
			return item;
		})).isInstanceOf(IllegalStateException.class).hasMessage("refused");
	}

}
