package care.parcours.system.scenarios;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import care.parcours.local.RunningPlatform;
import care.parcours.local.ServiceName;

import static org.awaitility.Awaitility.await;

/**
 * Clients behind a load balancer over a platform's two gateways: each send goes to the
 * next gateway, and a send that failed, went unanswered or was refused for now is made
 * again, as such a client does.
 */
final class BothGateways {

	private final RunningPlatform platform;

	/** Which gateway the next send goes to: each in turn. */
	private final AtomicInteger turn = new AtomicInteger();

	/** Sends made again: a 5xx or 429 answer, or none at all. */
	private final AtomicInteger resent = new AtomicInteger();

	BothGateways(RunningPlatform platform) {
		this.platform = platform;
	}

	/** Where gateway 1 or 2 answers. */
	URI url(int instance) {
		return this.platform.url(ServiceName.GATEWAY, instance);
	}

	/** The gateway the next send goes to. */
	URI next() {
		return url(1 + this.turn.getAndIncrement() % 2);
	}

	/**
	 * Sends as the client, to each gateway in turn, until a definitive answer comes.
	 */
	Gateway.Answer untilDefinitive(Gateway client, Function<Gateway, Gateway.Answer> request) {
		return await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> {
				try {
					Gateway.Answer answer = request.apply(client.at(next()));
					if (!definitive(answer)) {
						this.resent.incrementAndGet();
					}
					return answer;
				}
				catch (RuntimeException ex) {
					this.resent.incrementAndGet();
					throw ex;
				}
			}, BothGateways::definitive);
	}

	/** How many sends were made again. */
	int resent() {
		return this.resent.get();
	}

	/**
	 * Anything but a failure of the platform (5xx) or a refusal to wait for (429): those
	 * the client sends again (under the same key, if it has one).
	 */
	static boolean definitive(Gateway.Answer answer) {
		return answer.status() < 500 && answer.status() != 429;
	}

}
