package care.parcours.system.scenarios;

import java.nio.file.Path;
import java.time.Duration;

import care.parcours.bench.FaultReport;
import care.parcours.bench.FaultRun;
import care.parcours.bench.FaultScenario;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of {@code ./bench faults}: PostgreSQL and a Kafka broker in processes of
 * their own, partner-, scheduling- and patient-service and the gateway from their jars,
 * four clients registering, booking, holding, rescheduling and cancelling through the
 * gateway (retrying each request unchanged until it is answered), while
 * scheduling-service is killed with SIGKILL and restarted, then the broker is stopped for
 * 20 s and started again. After a drain, what the clients were told is counted against
 * the databases and the topics: no acknowledged write lost, no effect doubled, every
 * committed change's event on its topic, no overlapping bookings.
 * <p>
 * Its own platform; the other tests' one is stopped first (two on two cores would slow
 * both past their timeouts).
 */
// After the tests that share the platform this one stops (see system-tests' pom).
@Order(Order.DEFAULT + 1)
class FaultsIT {

	@Test
	void aKilledServiceAndARestartedBrokerLoseNothingDoubleNothingAndMissNoEvent() throws Exception {
		Platform.stop();
		Path root = Path.of(System.getProperty("parcours.repository.root", "..")).toAbsolutePath().normalize();
		try (FaultRun run = FaultRun.start(root, root.resolve("system-tests/target/faults"), false)) {
			FaultReport report = run.run(FaultScenario.SHORT, Duration.ofSeconds(45));
			System.out.println(FaultReport.HEADER);
			System.out.println(report.row());
			report.details().forEach(System.out::println);

			assertThat(report.acknowledged()).as("operations acknowledged").isPositive();
			assertThat(report.lost()).as("acknowledged writes lost").isZero();
			assertThat(report.doubled()).as("effects doubled").isZero();
			assertThat(report.eventsMissing()).as("committed changes without their event after the drain").isZero();
			assertThat(report.overlaps()).as("overlapping bookings").isZero();
		}
	}

}
