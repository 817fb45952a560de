package care.parcours.platform.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Holds requests in flight until the test lets them through: a request under way when the
 * service is told to stop.
 */
@Component
public class RequestGate {

	private final CountDownLatch entered = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	void hold() throws InterruptedException {
		entered.countDown();
		released.await(60, TimeUnit.SECONDS);
	}

	public boolean entered() {
		return entered.getCount() == 0;
	}

	public void release() {
		released.countDown();
	}

}
