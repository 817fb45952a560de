package care.parcours.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work shared out among a few clients, each on a thread of its own: each takes the next
 * item until none is left, so the service sees that many requests in flight and no more
 * (seeding), or each client takes one item and loops in it (a load of its own).
 */
final class Concurrently {

	private Concurrently() {
	}

	/** What one item gives, such as the id of what a request created. */
	@FunctionalInterface
	interface Task<T> {

		T run(int item) throws Exception;

	}

	/**
	 * Runs items {@code 0} to {@code count - 1} on {@code clients} threads.
	 * @return each item's result, in the items' order
	 * @throws Exception the first failure, once every client has stopped
	 */
	static <T> List<T> run(int count, int clients, Task<T> task) throws Exception {
		Object[] results = new Object[count];
		AtomicInteger next = new AtomicInteger();
		List<Exception> failures = new CopyOnWriteArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			threads.add(Thread.ofPlatform().start(() -> {
				try {
					for (int n; failures.isEmpty() && (n = next.getAndIncrement()) < count;) {
						results[n] = task.run(n);
					}
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (!failures.isEmpty()) {
			throw failures.getFirst();
		}
		@SuppressWarnings("unchecked")
		List<T> list = (List<T>) Arrays.asList(results);
		return List.copyOf(list);
	}

}
